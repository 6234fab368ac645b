/** Stand-in for your own payment code, which the examples call once an intent is approved. */
export const paid: string[] = [];

export async function executePayment(intentId: string): Promise<void> {
  paid.push(intentId);
}
