import type { AuditVerification } from "@/lib/generated/prisma/client";
import type { BrokenLink } from "./hash-audit-event";

/** A stored chain check as the dashboard shows it: the report's fields plus who asked and when it ran. */
export type AuditVerificationView = {
  id: string;
  requested_by: string;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  /** null while open, or when the run itself failed (see `error`). */
  ok: boolean | null;
  checked: number;
  pending: number;
  head: { seq: string; hash: string } | null;
  first_broken: BrokenLink | null;
  error: string | null;
};

export function serializeAuditVerification(v: AuditVerification): AuditVerificationView {
  return {
    id: v.id,
    requested_by: v.requestedBy,
    requested_at: v.requestedAt,
    started_at: v.startedAt,
    finished_at: v.finishedAt,
    ok: v.ok,
    checked: v.checked ?? 0,
    pending: v.pending ?? 0,
    head: v.headSeq !== null && v.headHash !== null ? { seq: v.headSeq.toString(), hash: v.headHash } : null,
    first_broken: (v.firstBroken as BrokenLink | null) ?? null,
    error: v.error,
  };
}
