/**
 * Whether approving needs a fresh second factor (issue 17, item 3). The organisation's
 * step-up threshold is in its own currency; without one, the policy's admin threshold
 * decides (the approval was opened for admins only). An intent in another currency than
 * the organisation's cannot be compared with the threshold, so it always asks: the safe side.
 * Pure, so the inbox can say so before anyone clicks.
 */
export function stepUpNeeded(
  approval: { amount: bigint | number; requiredRole: string },
  intentCurrency: string,
  org: { stepUpThreshold: bigint | number | null; currency: string },
): boolean {
  if (org.stepUpThreshold === null) return approval.requiredRole === "admin";
  if (intentCurrency !== org.currency) return true;
  return BigInt(approval.amount) > BigInt(org.stepUpThreshold);
}
