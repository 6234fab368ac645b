import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { actorOf, type Principal } from "@/lib/auth/principal";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_ACTIONS, type AuditAction, type AuditData } from "./audit-actions";

export type AuditInput<A extends AuditAction> = {
  orgId: string;
  actor: Principal | "system";
  action: A;
  targetId: string;
  data: AuditData<A>;
  at?: Date;
};

/** The row an audit event is stored as; the data is checked against its action's schema. */
export function auditRow<A extends AuditAction>(e: AuditInput<A>) {
  const spec = AUDIT_ACTIONS[e.action];
  return {
    id: newId("evt"),
    orgId: e.orgId,
    ...actorOf(e.actor),
    action: e.action as string,
    targetType: spec.target as string,
    targetId: e.targetId,
    data: spec.data.parse(e.data) as Prisma.InputJsonValue,
    ...(e.at ? { createdAt: e.at } : {}),
  };
}

/**
 * Writes one audit row inside the transaction that makes the change it records. `Tx`
 * is a transaction client only (the plain client does not type-check here), so an audit
 * row can never be committed apart from its change.
 */
export async function recordAuditEvent<A extends AuditAction>(tx: Tx, e: AuditInput<A>): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(e) });
}

/** Several audit rows of one change in one statement (same checks as recordAuditEvent). */
export async function recordAuditEvents(tx: Tx, events: { [A in AuditAction]: AuditInput<A> }[AuditAction][]): Promise<void> {
  await tx.auditEvent.createMany({ data: events.map((e) => auditRow(e)) });
}
