import { auditInsert } from "@/lib/audit/record-audit-event";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { pipelined, type SqlTx } from "@/lib/db/sql";
import type { CompiledQuery } from "kysely";
import type { SqlDb } from "@/lib/db/sql";

type Statement = { compile(executor: SqlDb): CompiledQuery<unknown> };
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
  /** A statement of the same decision to send first in the same round trip (taking from the intent). */
  before?: Statement,
): Promise<CardAnswer> {
  const id = newId("rauth");
  const row = tx.insertInto("rail_authorizations").values({
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
  });
  const answer = tx.updateTable("rail_events").set({ approved: a.approved }).where("connection_id", "=", c.id).where("event_id", "=", req.eventId);
  const audit = auditInsert([
    {
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
    },
  ]);
  // One round trip on PostgreSQL: the statements go out together, in order (see pipelined).
  const results = await pipelined(tx, before ? [before, row, answer, audit] : [row, answer, audit]);
  // The statement sent first must have taken its row (the intent's guarded update), or nothing commits.
  if (before && results[0].length !== 1) throw new AppError("conflict", "the covering intent changed while it was being used");
  return { approved: a.approved, reason: a.reason, intentId: a.intentId, replayed: false };
}

/**
 * Claims a delivery by its (connection, event id) key. Of two instances handed the same event,
 * the second's insert waits for the first's transaction and then finds its row: false means
 * "already handled" and the caller answers from what is stored.
 */
export async function claimRailEvent(tx: SqlTx, c: RailConnectionRef, eventId: string, type: string, at: Date): Promise<boolean> {
  return (await claimRailEventQuery(tx, c, eventId, type, at).executeTakeFirst()) !== undefined;
}

/** claimRailEvent's statement, to send in a batch: a row back means claimed. */
export const claimRailEventQuery = (tx: SqlTx, c: RailConnectionRef, eventId: string, type: string, at: Date) =>
  tx
    .insertInto("rail_events")
    .values({ connection_id: c.id, event_id: eventId, org_id: c.orgId, type, received_at: at })
    .onConflict((oc) => oc.columns(["connection_id", "event_id"]).doNothing())
    .returning("event_id");

/** The answer stored for an authorization (by its rail id), if it was answered before. */
export async function storedCardAnswer(tx: SqlTx, c: RailConnectionRef, authorizationId: string): Promise<CardAnswer | null> {
  return asStoredAnswer(await storedCardAnswerQuery(tx, c, authorizationId).executeTakeFirst());
}

export const storedCardAnswerQuery = (tx: SqlTx, c: RailConnectionRef, authorizationId: string) =>
  tx
    .selectFrom("rail_authorizations")
    .select(["approved", "reason", "intent_id"])
    .where("connection_id", "=", c.id)
    .where("authorization_id", "=", authorizationId);

export const asStoredAnswer = (prior: { approved: boolean; reason: string; intent_id: string | null } | undefined): CardAnswer | null =>
  prior ? { approved: prior.approved, reason: prior.reason, intentId: prior.intent_id, replayed: true } : null;
