/** ICU still lists some zones under their old names; people look for the current ones. */
const RENAMED: Record<string, string> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Rangoon": "Asia/Yangon",
  "Europe/Kiev": "Europe/Kyiv",
  "Atlantic/Faeroe": "Atlantic/Faroe",
};

/** The IANA zones an organisation can choose, current names first-class, UTC and `current` always in. */
export function timeZoneChoices(current: string, supported: string[] = Intl.supportedValuesOf("timeZone")): string[] {
  const names = new Set(["UTC", current, ...supported.map((z) => RENAMED[z] ?? z)]);
  return [...names].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}
