import { formatMoney } from "@/lib/format/money";
import { cn } from "./cn";

/** An amount in minor units, formatted for its currency, with tabular digits. */
export function MoneyText({ amount, currency, className }: { amount: number; currency: string; className?: string }) {
  return <span className={cn("tabular whitespace-nowrap", className)}>{formatMoney(amount, currency)}</span>;
}
