import { groupingLocale, minorUnitDigits } from "@/lib/policies/engine/format-minor-units";

const cache = new Map<string, Intl.NumberFormat>();

function formatter(currency: string): Intl.NumberFormat {
  const code = currency.trim().toUpperCase();
  let f = cache.get(code);
  if (!f) {
    try {
      // Rupees in lakhs and crores (₹1,25,000.00), every other currency in thousands ($125,000.00):
      // the same grouping as the policy engine's reasons (a dollar budget never reads $5,00,000).
      f = new Intl.NumberFormat(groupingLocale(code), { style: "currency", currency: code });
    } catch {
      f = new Intl.NumberFormat(groupingLocale(code), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    cache.set(code, f);
  }
  return f;
}

/** Minor units (paise, cents) to a display string: formatMoney(12500000, "INR") → "₹1,25,000.00". */
export function formatMoney(minor: number, currency: string): string {
  return formatter(currency).format(minor / 10 ** minorUnitDigits(currency));
}

/** A round amount in major units, without decimals, for labels: formatWholeMoney(25000, "INR") → "₹25,000". */
export function formatWholeMoney(major: number, currency: string): string {
  try {
    return new Intl.NumberFormat(groupingLocale(currency), {
      style: "currency",
      currency: currency.trim().toUpperCase(),
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }).format(major);
  } catch {
    return `${major.toLocaleString(groupingLocale(currency))} ${currency}`;
  }
}

/** Minor units to a plain decimal for files (CSV): 12500000 INR → "125000.00". */
export function toMajorDecimal(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const s = String(abs).padStart(digits + 1, "0");
  return `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** A major-unit amount typed by a person ("1,25,000.50") to minor units, or null if not a number. */
export function parseMajorAmount(text: string, currency: string): number | null {
  const clean = text.replace(/[,\s₹$€£]/g, "");
  if (!/^\d+(\.\d+)?$/.test(clean)) return null;
  const digits = minorUnitDigits(currency);
  const [whole, frac = ""] = clean.split(".");
  if (frac.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}
