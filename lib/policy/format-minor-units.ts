const FALLBACK_DIGITS = 2;

/**
 * How many minor-unit digits a currency has (INR/USD/EUR 2, JPY 0, KWD 3), from the
 * runtime's ISO 4217 data. Unknown codes fall back to 2 so a reason can still be written.
 */
export function minorUnitDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.trim() })
      .resolvedOptions().maximumFractionDigits ?? FALLBACK_DIGITS;
  } catch {
    return FALLBACK_DIGITS;
  }
}

/** Rupee amounts are read in lakhs and crores (1,00,000), others in thousands. */
const groupingLocale = (code: string) => (code === "INR" ? "en-IN" : "en-US");

/** Formats an integer amount in minor units as major units plus the code: 12500000 INR -> "1,25,000.00 INR". */
export function formatMinorUnits(amount: number, currency: string): string {
  const code = currency.trim().toUpperCase();
  const digits = minorUnitDigits(code);
  const major = new Intl.NumberFormat(groupingLocale(code), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
  return `${major} ${code}`;
}
