import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { newId } from "@/lib/db/ids";
import type { SqlTx } from "@/lib/db/sql";
import type { AuthorizationRequest } from "./rail-adapter";

export type RailConnectionRef = { id: string; orgId: string; provider: "stripe" | "lithic" };

export type CardAnswer = {
  approved: boolean;
  reason: string;
  intentId: string | null;
  /** The answer was given before (the same event or authorization delivered again): nothing moved now. */
  replayed: boolean;
};

/**
 * Stores the answer to an authorization request in the transaction that decided it: the rail
 * authorization row (unique per connection and rail authorization id), the answer on the event
 * row claimed at the start, and the audit event. A redelivery finds them and answers the same.
 */
export async function recordCardAnswer(
  tx: SqlTx,
  c: RailConnectionRef,
  req: AuthorizationRequest,
  a: { approved: boolean; reason: string; intentId: string | null; agentId: string | null; cardId: string | null; consumed?: number; extra?: number },
  at: Date,
): Promise<CardAnswer> {
  const id = newId("rauth");
  await tx
    .insertInto("rail_authorizations")
    .values({
      id,
      org_id: c.orgId,
      connection_id: c.id,
      authorization_id: req.authorizationId,
      rail_card_id: req.cardId,
      card_id: a.cardId,
      agent_id: a.agentId,
      intent_id: a.intentId,
      amount: req.amountMinor,
      currency: req.currency,
      merchant: JSON.stringify(req.merchant),
      approved: a.approved,
      reason: a.reason,
      consumed: a.consumed ?? 0,
      extra_debited: a.extra ?? 0,
      decided_at: at,
      updated_at: at,
    })
    .execute();
  await tx.updateTable("rail_events").set({ approved: a.approved }).where("connection_id", "=", c.id).where("event_id", "=", req.eventId).execute();
  await recordAuditEvent(tx, {
    orgId: c.orgId,
    actor: "system",
    action: "rail.authorization_decided",
    targetId: id,
    at,
    data: {
      connection_id: c.id,
      authorization_id: req.authorizationId,
      rail_card_id: req.cardId,
      agent_id: a.agentId,
      intent_id: a.intentId,
      approved: a.approved,
      reason: a.reason,
      amount: req.amountMinor,
      currency: req.currency,
    },
  });
  return { approved: a.approved, reason: a.reason, intentId: a.intentId, replayed: false };
}

/**
 * Claims a delivery by its (connection, event id) key. Of two instances handed the same event,
 * the second's insert waits for the first's transaction and then finds its row: false means
 * "already handled" and the caller answers from what is stored.
 */
export async function claimRailEvent(tx: SqlTx, c: RailConnectionRef, eventId: string, type: string, at: Date): Promise<boolean> {
  const claimed = await tx
    .insertInto("rail_events")
    .values({ connection_id: c.id, event_id: eventId, org_id: c.orgId, type, received_at: at })
    .onConflict((oc) => oc.columns(["connection_id", "event_id"]).doNothing())
    .returning("event_id")
    .executeTakeFirst();
  return claimed !== undefined;
}

/** The answer stored for an authorization (by its rail id), if it was answered before. */
export async function storedCardAnswer(tx: SqlTx, c: RailConnectionRef, authorizationId: string): Promise<CardAnswer | null> {
  const prior = await tx
    .selectFrom("rail_authorizations")
    .select(["approved", "reason", "intent_id"])
    .where("connection_id", "=", c.id)
    .where("authorization_id", "=", authorizationId)
    .executeTakeFirst();
  return prior ? { approved: prior.approved, reason: prior.reason, intentId: prior.intent_id, replayed: true } : null;
}
