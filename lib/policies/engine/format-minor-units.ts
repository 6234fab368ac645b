const FALLBACK_DIGITS = 2;

/**
 * How many minor-unit digits a currency has (INR/USD/EUR 2, JPY 0, KWD 3), from the
 * runtime's ISO 4217 data. Unknown codes fall back to 2 so a reason can still be written.
 */
export function minorUnitDigits(currency: string): number {
  return formatterFor(currency.trim().toUpperCase()).digits;
}

// Building an Intl.NumberFormat costs ~10 µs and every rule's trace formats money, so one
// formatter per currency is kept (a handful of currencies in practice).
const formatters = new Map<string, { digits: number; format: Intl.NumberFormat }>();

function formatterFor(code: string) {
  let f = formatters.get(code);
  if (!f) {
    const digits = lookupDigits(code);
    f = { digits, format: new Intl.NumberFormat(groupingLocale(code), { minimumFractionDigits: digits, maximumFractionDigits: digits }) };
    if (formatters.size < 500) formatters.set(code, f);
  }
  return f;
}

function lookupDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.trim() }).resolvedOptions().maximumFractionDigits ?? FALLBACK_DIGITS;
  } catch {
    return FALLBACK_DIGITS;
  }
}

/** Rupee amounts are read in lakhs and crores (1,00,000), others in thousands. */
export const groupingLocale = (code: string) => (code.trim().toUpperCase() === "INR" ? "en-IN" : "en-US");

/** A count shown beside amounts in `currency`, grouped the same way: 902160 beside rupees -> "9,02,160". */
export function formatCount(n: number, currency: string): string {
  return n.toLocaleString(groupingLocale(currency.trim().toUpperCase()));
}

// Every rule's trace formats money, mostly the same few amounts (the intent's, the limits): each
// currency keeps the strings it has made, up to a bound, so a decision mostly looks them up.
const formatted = new Map<string, Map<number, string>>();
const FORMATTED_PER_CURRENCY = 10_000;

/** Formats an integer amount in minor units as major units plus the code: 12500000 INR -> "1,25,000.00 INR". */
export function formatMinorUnits(amount: number, currency: string): string {
  let seen = formatted.get(currency);
  const hit = seen?.get(amount);
  if (hit !== undefined) return hit;
  const code = currency.trim().toUpperCase();
  const { digits, format } = formatterFor(code);
  let text: string;
  // By hand for whole minor units (what Intl would print, at a fraction of its cost), through Intl for anything else.
  if (!Number.isSafeInteger(amount)) text = `${format.format(amount / 10 ** digits)} ${code}`;
  else {
    const abs = String(Math.abs(amount)).padStart(digits + 1, "0");
    const whole = abs.slice(0, abs.length - digits);
    const fraction = digits > 0 ? `.${abs.slice(abs.length - digits)}` : "";
    text = `${amount < 0 ? "-" : ""}${group(whole, code === "INR")}${fraction} ${code}`;
  }
  if (!seen && formatted.size < 500) formatted.set(currency, (seen = new Map()));
  if (seen) {
    if (seen.size >= FORMATTED_PER_CURRENCY) seen.clear();
    seen.set(amount, text);
  }
  return text;
}

/** Thousands separators: 1,234,567, or in lakhs and crores for rupees: 12,34,567. */
function group(digits: string, indian: boolean): string {
  if (digits.length <= 3) return digits;
  // The last three digits, then groups of three (or of two in lakhs and crores) leftwards.
  const size = indian ? 2 : 3;
  let out = digits.slice(-3);
  let end = digits.length - 3;
  while (end > 0) {
    const start = Math.max(0, end - size);
    out = `${digits.slice(start, end)},${out}`;
    end = start;
  }
  return out;
}
