import type { Actor } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db/client";
import { forbidden } from "@/lib/errors/app-error";

/**
 * Once an organisation has an active card rail, what an agent paid is the rail's word, not the
 * agent's: agent keys get 403 on capture, void and refund (people and the system still may).
 * Without a rail the agent still settles its own intents (money back, never budget).
 */
export async function assertAgentMaySettle(db: DbOrTx, actor: Actor, orgId: string): Promise<void> {
  if (actor === "system" || actor.kind !== "agent") return;
  const rail = await db.railConnection.findFirst({ where: { orgId, status: "active" }, select: { id: true } });
  if (rail) throw forbidden("This organisation settles card payments through its rail: an agent key cannot capture, void or refund");
}
