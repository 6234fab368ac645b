import { formatDateTime } from "./time";
import { withDisplayAmounts } from "./reason-amounts";

// "2026-11-30T18:30:00.000Z" as the engine writes budget resets, and "2026-11-30 10:00 UTC" as
// stored notification bodies write an expiry.
const ISO_MOMENT = /\b(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})/g;
const UTC_MOMENT = /\b(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC\b/g;
// "Confidence 0.55 is below the minimum of 0.6": the engine's plain numbers, shown as percentages.
const CONFIDENCE = /\b(Confidence) (0(?:\.\d+)?|1(?:\.0+)?)( (?:is below|meets) the minimum of )(0(?:\.\d+)?|1(?:\.0+)?)\b/g;

const percent = (n: string) => `${Math.round(Number(n) * 100)}%`;

/**
 * Text the engine or a stored message wrote for machines and logs (policy reasons, the rule
 * trace, notification bodies), in the dashboard's one format: money as cards show it, every
 * moment in the organisation's zone, confidence as a percentage.
 */
export function toDisplayText(text: string, timeZone: string): string {
  // Moments first: "10:00 UTC" would otherwise read as an amount of 00 in a currency "UTC".
  const timed = text
    .replace(ISO_MOMENT, (whole, day: string, time: string, zone: string) => at(`${day}T${time}${zone}`, timeZone) ?? whole)
    .replace(UTC_MOMENT, (whole, day: string, time: string) => at(`${day}T${time}:00Z`, timeZone) ?? whole);
  return withDisplayAmounts(timed).replace(
    CONFIDENCE,
    (_w, word: string, value: string, middle: string, min: string) => `${word} ${percent(value)}${middle}${percent(min)}`,
  );
}

function at(iso: string, timeZone: string): string | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : formatDateTime(d, timeZone);
}
