import type { Db, Tx } from "@/lib/db/client";
import { CHAIN_LOCK_CLASS } from "@/lib/audit/chain-audit-events";
import { CHECKPOINT_LOCK_CLASS } from "@/lib/audit/checkpoint-audit-chains";

/**
 * The audit tables are append-only (triggers, see the audit_evidence migration). The demo is the
 * one writer allowed to rewrite audit rows: its own just-played history, before anyone relies on
 * it. It does so inside one transaction that turns the triggers off and on again: ALTER TABLE is
 * transactional in PostgreSQL, so no other session ever sees them off (and it needs the tables'
 * owner, which the app is, since it runs the migrations).
 */
async function rewritingAudit<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    const toggle = async (on: boolean) => {
      for (const t of ["audit_events", "audit_checkpoints"])
        await tx.$executeRawUnsafe(`ALTER TABLE ${t} ${on ? "ENABLE" : "DISABLE"} TRIGGER ${t}_append_only`);
    };
    await toggle(false);
    const result = await work(tx);
    await toggle(true);
    return result;
  });
}

/**
 * The domain writes audit and ledger rows at the wall clock. The demo plays a month of
 * history in a few seconds, so afterwards each row is moved to the moment of the change
 * it records (an intent's submission, its decision, a person's answer). Only the demo
 * organisation's rows are touched.
 */
export async function backdateSetup(db: Db, orgId: string, at: Date, agentIds: string[], userIds: string[]): Promise<void> {
  const minute = 60_000;
  await rewritingAudit(db, async (tx) => {
    await tx.$executeRaw`UPDATE organizations SET created_at = ${at} WHERE id = ${orgId}`;
    for (const [i, id] of userIds.entries()) await tx.$executeRaw`UPDATE users SET created_at = ${new Date(at.getTime() + (i + 1) * minute)} WHERE id = ${id}`;
    for (const [i, id] of agentIds.entries()) {
      const t = new Date(at.getTime() + (10 + i) * minute);
      await tx.$executeRaw`UPDATE agents SET created_at = ${t} WHERE id = ${id}::uuid`;
      await tx.$executeRaw`UPDATE wallets SET created_at = ${t} WHERE agent_id = ${id}::uuid`;
      await tx.$executeRaw`UPDATE api_keys SET created_at = ${t} WHERE agent_id = ${id}::uuid`;
    }
    const later = new Date(at.getTime() + 30 * minute);
    await tx.$executeRaw`UPDATE api_keys SET created_at = ${later} WHERE org_id = ${orgId} AND kind = 'user'`;
    await tx.$executeRaw`UPDATE policies SET created_at = ${later} WHERE org_id = ${orgId}`;
    await tx.$executeRaw`UPDATE ledger_entries SET created_at = ${later} WHERE org_id = ${orgId}`;
    await tx.$executeRaw`UPDATE audit_events SET created_at = ${later} WHERE org_id = ${orgId}`;
  });
}

/** Moves one audit event (an admin action during the history) to when it happened. */
export async function backdateAuditEvent(db: Db, orgId: string, action: string, targetId: string, at: Date): Promise<void> {
  await rewritingAudit(
    db,
    (tx) => tx.$executeRaw`UPDATE audit_events SET created_at = ${at} WHERE org_id = ${orgId} AND action = ${action} AND target_id = ${targetId}`,
  );
}

export async function alignHistoryTimes(db: Db, orgId: string, since: Date): Promise<void> {
  await rewritingAudit(db, async (tx) => {
    await tx.$executeRaw`
      UPDATE audit_events e SET created_at = i.created_at FROM intents i
      WHERE e.org_id = ${orgId} AND e.created_at >= ${since} AND e.action = 'intent.submitted' AND i.id = e.target_id`;
    await tx.$executeRaw`
      UPDATE audit_events e SET created_at = d.created_at FROM policy_decisions d
      WHERE e.org_id = ${orgId} AND e.created_at >= ${since} AND e.action = 'intent.decided' AND d.intent_id = e.target_id`;
    await tx.$executeRaw`
      UPDATE audit_events e SET created_at = a.created_at FROM approvals a
      WHERE e.org_id = ${orgId} AND e.created_at >= ${since} AND e.action = 'approval.requested' AND a.id = e.target_id`;
    await tx.$executeRaw`
      UPDATE audit_events e SET created_at = r.created_at FROM approval_responses r
      WHERE e.org_id = ${orgId} AND e.created_at >= ${since} AND e.action = 'approval.answered' AND r.approval_id = e.target_id AND r.user_id = e.actor_id`;
    await tx.$executeRaw`
      UPDATE audit_events e SET created_at = a.resolved_at FROM approvals a
      WHERE e.org_id = ${orgId} AND e.created_at >= ${since} AND a.id = e.target_id AND a.resolved_at IS NOT NULL
        AND e.action IN ('approval.approved', 'approval.rejected', 'approval.expired')`;
    // Holds and policy debits happen at the decision; releases and people's debits at the answer.
    await tx.$executeRaw`
      UPDATE ledger_entries l SET created_at = d.created_at FROM policy_decisions d
      WHERE l.org_id = ${orgId} AND l.created_at >= ${since} AND l.intent_id = d.intent_id AND l.actor = 'policy'`;
    await tx.$executeRaw`
      UPDATE ledger_entries l SET created_at = a.resolved_at FROM approvals a
      WHERE l.org_id = ${orgId} AND l.created_at >= ${since} AND l.intent_id = a.intent_id AND l.actor <> 'policy' AND a.resolved_at IS NOT NULL`;
    // Captures and the unpaid rest returned happen when the agent reported them.
    await tx.$executeRaw`
      UPDATE ledger_entries l SET created_at = i.settled_at FROM intents i
      WHERE l.org_id = ${orgId} AND l.intent_id = i.id AND l.kind IN ('capture', 'reversal') AND i.settled_at IS NOT NULL`;
  });
}

/**
 * Unseals the demo organisation's whole chain so the chainer seals it again from the start, in
 * the events' new time order, and drops checkpoints signed over the old order. Waits for a running
 * chainer or checkpointer of the organisation.
 */
export async function resealDemoChain(db: Db, orgId: string): Promise<void> {
  await rewritingAudit(db, async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_CLASS}::int, hashtext(${orgId}))::text`;
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK_CLASS}::int, hashtext(${orgId}))::text`;
    await tx.$executeRaw`DELETE FROM audit_checkpoints WHERE org_id = ${orgId}`;
    await tx.$executeRaw`UPDATE audit_events SET seq = NULL, prev_hash = NULL, hash = NULL WHERE org_id = ${orgId} AND seq IS NOT NULL`;
  });
}
