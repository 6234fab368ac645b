import { formatMoney } from "./money";

/** Amounts of several currencies as one readable sum: "₹45,000.00 + $120.00" (never added across currencies). */
export function formatSums(amounts: { amount: number; currency: string }[]): string {
  const sums = new Map<string, number>();
  for (const a of amounts) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.amount);
  if (sums.size === 0) return formatMoney(0, "");
  return [...sums.entries()].map(([currency, amount]) => formatMoney(amount, currency)).join(" + ");
}
