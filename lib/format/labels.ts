/** Words for codes: rule names, statuses, audit actions, shown as people read them. */
export function humanize(code: string): string {
  const s = code.replace(/[._]/g, " ").trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Confidence (0..1) as people read it, everywhere: 0.55 → "55%". */
export function formatConfidence(c: number | null): string {
  return c === null ? "—" : `${Math.round(c * 100)}%`;
}

/**
 * The one status vocabulary of the dashboard (badges, filters, counts): an intent waiting for a
 * person is "Awaiting approval" everywhere; one not yet decided by the engine is "Deciding".
 */
export const STATUS_LABELS: Record<string, string> = {
  pending: "Deciding",
  approved: "Approved",
  denied: "Denied",
  rejected: "Rejected",
  pending_approval: "Awaiting approval",
  expired: "Expired",
  active: "Active",
  suspended: "Suspended",
  frozen: "Frozen",
  approve: "Approve",
  deny: "Deny",
  require_approval: "Needs approval",
  captured: "Captured",
  partially_captured: "Partly captured",
  voided: "Voided",
  uncaptured: "Not captured",
};

export const statusLabel = (s: string) => STATUS_LABELS[s] ?? humanize(s);
