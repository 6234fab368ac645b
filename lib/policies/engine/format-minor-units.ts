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

/** Formats an integer amount in minor units as major units plus the code: 12500000 INR -> "1,25,000.00 INR". */
export function formatMinorUnits(amount: number, currency: string): string {
  const code = currency.trim().toUpperCase();
  const { digits, format } = formatterFor(code);
  // Every rule's trace formats money: by hand for whole minor units (what Intl would print, at a
  // fraction of its cost), through Intl for anything else.
  if (!Number.isSafeInteger(amount)) return `${format.format(amount / 10 ** digits)} ${code}`;
  const abs = String(Math.abs(amount)).padStart(digits + 1, "0");
  const whole = abs.slice(0, abs.length - digits);
  const fraction = digits > 0 ? `.${abs.slice(abs.length - digits)}` : "";
  return `${amount < 0 ? "-" : ""}${group(whole, code === "INR")}${fraction} ${code}`;
}

/** Thousands separators: 1,234,567, or in lakhs and crores for rupees: 12,34,567. */
function group(digits: string, indian: boolean): string {
  if (!indian || digits.length <= 3) return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${digits.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ",")},${digits.slice(-3)}`;
}
