import type { DbOrTx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { actorOf, type Principal } from "@/lib/auth/principal";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditInput = {
  orgId: string;
  actor: Principal | "system";
  action: string; // e.g. "intent.decided", "approval.answered"
  targetType: string;
  targetId: string;
  data?: Prisma.InputJsonValue;
};

/** Writes one audit row; call it with the transaction that makes the change it records. */
export async function recordAuditEvent(tx: DbOrTx, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      id: newId("evt"),
      orgId: e.orgId,
      ...actorOf(e.actor),
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      data: e.data ?? {},
    },
  });
}
