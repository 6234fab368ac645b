import type { Tx } from "@/lib/db/client";
import { newAuditEventId } from "@/lib/db/ids";
import { runSql, sqlBuilder, type SqlTx } from "@/lib/db/sql";
import { actorOf, type Principal } from "@/lib/auth/principal";
import { AUDIT_ACTIONS, type AuditAction, type AuditData } from "./audit-actions";

export type AuditInput<A extends AuditAction> = {
  orgId: string;
  actor: Principal | "system";
  action: A;
  targetId: string;
  data: AuditData<A>;
  at?: Date;
};
type AnyAuditInput = { [A in AuditAction]: AuditInput<A> }[AuditAction];

/** The row an audit event is stored as; the data is checked against its action's schema. */
export function auditRow<A extends AuditAction>(e: AuditInput<A>) {
  const spec = AUDIT_ACTIONS[e.action];
  const actor = actorOf(e.actor);
  return {
    // The id carries when the row was written, not `at` (a back-dated event's time): its month's
    // partition then always exists, and months fill in the order the chain seals them.
    id: newAuditEventId(),
    org_id: e.orgId,
    actor_type: actor.actorType,
    actor_id: actor.actorId,
    actor_label: actor.actorLabel,
    action: e.action as string,
    target_type: spec.target as string,
    target_id: e.targetId,
    data: spec.data.parse(e.data) as unknown,
    created_at: e.at ?? new Date(),
  };
}

/** The INSERT of some audit rows, for a statement of its own or a CTE of a larger one (the decision's). */
export function auditInsert(events: AnyAuditInput[]) {
  const rows = events.map((e) => auditRow(e));
  return sqlBuilder.insertInto("audit_events").values(rows.map((r) => ({ ...r, data: JSON.stringify(r.data) })));
}

/**
 * Writes one audit row inside the transaction that makes the change it records: a Prisma
 * transaction (CRUD verbs) or a typed-layer one (the money path). Either type is a transaction
 * only (the plain clients do not type-check here), so an audit row can never be committed
 * apart from its change.
 */
export async function recordAuditEvent<A extends AuditAction>(tx: Tx | SqlTx, e: AuditInput<A>): Promise<void> {
  await runSql(tx, auditInsert([e as AnyAuditInput]));
}

/** Several audit rows of one change in one statement (same checks as recordAuditEvent). */
export async function recordAuditEvents(tx: Tx | SqlTx, events: AnyAuditInput[]): Promise<void> {
  if (events.length) await runSql(tx, auditInsert(events));
}
