import type { Actor } from "@/lib/auth/principal";
import { actorLabel } from "@/lib/auth/principal";
import { getAgentOrThrow } from "@/lib/agents/get-agent-or-throw";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import type { RailProvider } from "./rail-adapter";
import { AttachCardSchema } from "./rail-schemas";
import { cardView, type CardView } from "./serialize-rail";

/**
 * Attaches a rail's card to an agent: from now on that card's authorizations are answered from
 * the agent's approved intents. A card is attached to at most one agent at a time (a partial
 * unique index decides a race; the loser gets 409).
 */
export async function attachCard(
  db: Db,
  input: { orgId: string; actor: Actor; agentId: string; provider: RailProvider; railCardId: string; last4?: string },
): Promise<CardView> {
  assertCan(input.actor, "rail.manage", { orgId: input.orgId });
  const data = AttachCardSchema.parse({ provider: input.provider, card: input.railCardId, last4: input.last4 });
  await getAgentOrThrow(db, input.orgId, input.agentId);
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.card.create({
        data: {
          id: newId("card"),
          orgId: input.orgId,
          agentId: input.agentId,
          provider: data.provider,
          railCardId: data.card,
          last4: data.last4 ?? null,
          attachedBy: actorLabel(input.actor),
        },
      });
      await recordAuditEvent(tx, {
        orgId: input.orgId,
        actor: input.actor,
        action: "card.attached",
        targetId: created.id,
        data: { agent_id: input.agentId, provider: data.provider, rail_card_id: data.card },
      });
      return created;
    });
    return cardView(row);
  } catch (e) {
    if ((e as { code?: string }).code === "P2002" || String((e as Error).message).includes("cards_one_attached")) {
      throw new AppError("conflict", `Card ${data.card} is already attached to an agent; detach it first`);
    }
    throw e;
  }
}
