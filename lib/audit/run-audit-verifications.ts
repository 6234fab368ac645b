import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { verifyAuditChain } from "./verify-audit-chain";

/** A claim whose heartbeat is older than this belongs to a run that died (crash, restart): another run takes it over. */
export const VERIFICATION_LEASE_MS = 10 * 60_000;
/** Renews the claim while a long check runs, so a healthy run of many minutes is never taken over. */
const HEARTBEAT_MS = 60_000;

type Claimed = { id: string; orgId: string };

/**
 * The background half of the dashboard's "Check again": claims requested chain checks one at a
 * time (a guarded UPDATE with SKIP LOCKED, so instances never run the same one) and stores each
 * full report. The check is the same complete walk as the API and CLI; it only runs off the
 * request. Returns how many checks it finished.
 */
export async function runAuditVerifications(db: Db): Promise<number> {
  let done = 0;
  for (let claimed = await claimVerification(db); claimed; claimed = await claimVerification(db)) {
    await runClaimedVerification(db, claimed);
    done++;
  }
  return done;
}

/** Claims the oldest requested check, or the one named (the API runs a check it asked for at once), unless another run holds it. */
export async function claimVerification(db: Db, onlyId?: string): Promise<Claimed | null> {
  const now = new Date();
  const stale = new Date(now.getTime() - VERIFICATION_LEASE_MS);
  const [row] = await db.$queryRaw<Claimed[]>`
    UPDATE audit_verifications SET started_at = ${now}, claimed_at = ${now}
    WHERE id = (
      SELECT id FROM audit_verifications
      WHERE finished_at IS NULL AND (claimed_at IS NULL OR claimed_at < ${stale}) AND (${onlyId ?? null}::text IS NULL OR id = ${onlyId ?? null})
      ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)
      AND finished_at IS NULL
    RETURNING id, org_id AS "orgId"`;
  return row ?? null;
}

/** Runs a claimed check to its stored report, renewing the claim while it runs. */
export async function runClaimedVerification(db: Db, { id, orgId }: Claimed): Promise<void> {
  const heartbeat = setInterval(() => {
    db.auditVerification
      .updateMany({ where: { id, finishedAt: null }, data: { claimedAt: new Date() } })
      .catch((e) => console.error("[jobs] audit verification heartbeat failed:", (e as Error).message));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    // "system": the requester's permission was checked when the check was requested.
    const report = await verifyAuditChain(db, "system", orgId);
    await finish(db, id, {
      ok: report.ok,
      checked: report.checked,
      pending: report.pending,
      headSeq: report.head ? BigInt(report.head.seq) : null,
      headHash: report.head?.hash ?? null,
      firstBroken: report.first_broken ?? Prisma.DbNull,
    });
  } catch (e) {
    // A failed run is a result too (the page says so); only a lost database leaves the claim to be taken over.
    await finish(db, id, { ok: null, error: (e as Error).message.slice(0, 1000) });
  } finally {
    clearInterval(heartbeat);
  }
}

/** The first run to finish stores its report; a run that was taken over and ends later changes nothing. */
async function finish(db: Db, id: string, data: Prisma.AuditVerificationUpdateManyMutationInput) {
  await db.auditVerification.updateMany({ where: { id, finishedAt: null }, data: { ...data, finishedAt: new Date() } });
}
