/** Words for codes: rule names, statuses, audit actions, shown as people read them. */
export function humanize(code: string): string {
  const s = code.replace(/[._]/g, " ").trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function formatConfidence(c: number | null): string {
  return c === null ? "—" : `${Math.round(c * 100)}%`;
}
