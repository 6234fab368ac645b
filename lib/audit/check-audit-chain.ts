import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { assertCan } from "@/lib/permissions/can";
import { requestAuditVerification } from "./request-audit-verification";
import { claimVerification, runClaimedVerification } from "./run-audit-verifications";
import { serializeAuditVerification, type AuditVerificationView } from "./serialize-audit-verification";

const POLL_MS = 200;

export type ChainCheckAnswer = { done: true; verification: AuditVerificationView } | { done: false; verification: AuditVerificationView };

/**
 * GET /api/v1/audit/verify: one complete check at a time per organisation. A stored check that
 * finished within `maxAgeMs` answers at once. Otherwise the caller joins the organisation's open
 * check (the one open row, see requestAuditVerification) or opens one and, when no run holds it,
 * runs it right here (claimed like the job's, so no other instance runs it too); concurrent callers
 * wait for that same run instead of each walking millions of events. After `waitMs` the answer is
 * "still running" and the run goes on; asking again later returns its stored result.
 */
export async function checkAuditChain(db: Db, principal: Principal, orgId: string, opts: { maxAgeMs: number; waitMs: number }): Promise<ChainCheckAnswer> {
  assertCan(principal, "audit.verify", { orgId });
  if (opts.maxAgeMs > 0) {
    const fresh = await db.auditVerification.findFirst({
      where: { orgId, finishedAt: { gte: new Date(Date.now() - opts.maxAgeMs) }, ok: { not: null } },
      orderBy: { finishedAt: "desc" },
    });
    if (fresh) return { done: true, verification: serializeAuditVerification(fresh) };
  }
  const open = await requestAuditVerification(db, principal, orgId);
  const claimed = await claimVerification(db, open.id);
  let running = claimed ? runClaimedVerification(db, claimed).catch((e) => console.error("[audit] chain check failed:", (e as Error).message)) : null;
  const deadline = Date.now() + opts.waitMs;
  for (;;) {
    const row = await db.auditVerification.findUniqueOrThrow({ where: { id: open.id } });
    if (row.finishedAt) return { done: true, verification: serializeAuditVerification(row) };
    if (Date.now() >= deadline) return { done: false, verification: serializeAuditVerification(row) };
    const pause = new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
    if (running) await Promise.race([running.then(() => (running = null)), pause]);
    else await pause;
  }
}
