import { minorUnitDigits } from "@/lib/policies/engine/format-minor-units";
import { formatMoney } from "./money";

const AMOUNT = /(-?\d[\d,]*(?:\.\d+)?) ([A-Z]{3})\b/g;

/**
 * Policy reasons write money as "1,25,000.00 INR" (plain text for logs and SDKs); the
 * dashboard shows every amount as cards do ("₹1,25,000.00"), so one format is on screen.
 */
export function withDisplayAmounts(text: string): string {
  return text.replace(AMOUNT, (whole, number: string, code: string) => {
    const major = Number(number.replace(/,/g, ""));
    if (!Number.isFinite(major)) return whole;
    try {
      return formatMoney(Math.round(major * 10 ** minorUnitDigits(code)), code);
    } catch {
      return whole;
    }
  });
}
