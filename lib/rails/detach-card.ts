import type { Actor } from "@/lib/auth/principal";
import { actorLabel } from "@/lib/auth/principal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { looksLikeId } from "@/lib/db/ids";
import { notFound } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/permissions/can";
import { cardView, type CardView } from "./serialize-rail";

/** Detaches a card: its later authorizations are declined (a card on no agent). Idempotent; the row stays for history. */
export async function detachCard(db: Db, input: { orgId: string; actor: Actor; cardId: string }): Promise<CardView> {
  assertCan(input.actor, "rail.manage", { orgId: input.orgId });
  if (!looksLikeId(input.cardId)) throw notFound("Card");
  const row = await db.$transaction(async (tx) => {
    const card = await tx.card.findFirst({ where: { id: input.cardId, orgId: input.orgId } });
    if (!card) throw notFound("Card");
    if (card.detachedAt) return card;
    // Guarded on still being attached: of two detaches at once, one detaches and audits, the other returns it.
    const { count } = await tx.card.updateMany({
      where: { id: card.id, detachedAt: null },
      data: { detachedAt: new Date(), detachedBy: actorLabel(input.actor) },
    });
    const updated = await tx.card.findUniqueOrThrow({ where: { id: card.id } });
    if (count === 0) return updated;
    await recordAuditEvent(tx, {
      orgId: input.orgId,
      actor: input.actor,
      action: "card.detached",
      targetId: card.id,
      data: { agent_id: card.agentId, provider: card.provider, rail_card_id: card.railCardId },
    });
    return updated;
  });
  return cardView(row);
}
