import crypto from "node:crypto";
import { sql } from "kysely";
import type { AgentPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { newIntentId } from "@/lib/db/ids";
import { pipelined, sqlTransaction, type SqlTx } from "@/lib/db/sql";
import { AppError } from "@/lib/errors/app-error";
import { runDecision } from "@/lib/intents/run-decision";
import { applyCounterDelta } from "@/lib/counters/apply-counter-delta";
import { ZERO_DELTA } from "@/lib/counters/counter-delta";
import { postLedgerEntry } from "@/lib/ledger/post-ledger-entry";
import { getDecisionSettings, type DecisionSettings } from "@/lib/policies/get-decision-settings";
import { formatMinorUnits } from "@/lib/policies/engine";
import { findWalletId } from "@/lib/wallets/find-wallet-id";
import type { AuthorizationRequest } from "./rail-adapter";
import {
  asStoredAnswer,
  claimRailEvent,
  claimRailEventQuery,
  recordCardAnswer,
  storedCardAnswer,
  storedCardAnswerQuery,
  type CardAnswer,
  type RailConnectionRef,
} from "./record-card-answer";

/** What the agent sees on a card payment a person would have had to approve: nobody can answer inside the rail's 2 s. */
export const DECLINED_AT_CARD = "declined at the card: submit an intent first";

/**
 * Answers one card authorization request, in ONE transaction of the typed layer:
 *   1. claim the delivery (rail_events, unique per connection and event id): a redelivery, on any
 *      instance, waits for the first and answers what it stored; so does another delivery of an
 *      authorization already answered (rail_authorizations, unique per authorization id);
 *   2. the card's agent (a card attached to no agent is declined);
 *   3. the agent's row lock (lockAgent's order: agent first), then its status and both freezes:
 *      suspended or frozen is declined;
 *   4. the covering intent: the agent's approved, unsettled intent in the same currency, approved
 *      within the organisation's validity, whose remaining amount (approved minus what earlier
 *      authorizations took; a non-recurring intent covers one authorization only) covers the amount
 *      within the organisation's tolerance. Locked FOR UPDATE and taken with a guarded update, so of
 *      two authorizations racing for one intent at most one is approved. The part within tolerance
 *      above the remaining amount is debited from the wallet now (declined if it cannot be);
 *   5. no covering intent: a new intent with source "card", decided by the policy in this same
 *      transaction (runDecision): approved → approved; a person to decide → declined
 *      (DECLINED_AT_CARD; the approval stays open, so once a person approves it, the agent's retry
 *      is covered); denied → declined.
 * A decision the wallet refuses (the policy approved but the money is not there) rolls back and is
 * recorded as a decline in a transaction of its own.
 */
export async function decideCardAuthorization(db: Db, c: RailConnectionRef, req: AuthorizationRequest, now = new Date()): Promise<CardAnswer> {
  const settings = await getDecisionSettings(db, c.orgId);
  try {
    return await sqlTransaction(db, (tx) => decide(tx, c, req, settings, now));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    // The decision's own refusal (e.g. insufficient balance): nothing of it committed; say no, durably.
    return sqlTransaction(db, async (tx) => {
      if (!(await claimRailEvent(tx, c, req.eventId, "authorization_request", now))) return replay(tx, c, req);
      const prior = await storedCardAnswer(tx, c, req.authorizationId);
      if (prior) return prior;
      const card = await findCard(tx, c, req.cardId);
      return recordCardAnswer(
        tx,
        c,
        req,
        { approved: false, reason: e.message, intentId: null, agentId: card?.agent_id ?? null, cardId: card?.id ?? null },
        now,
      );
    });
  }
}

async function decide(tx: SqlTx, c: RailConnectionRef, req: AuthorizationRequest, settings: DecisionSettings, now: Date): Promise<CardAnswer> {
  // One round trip on PostgreSQL (with BEGIN): claim the delivery, any earlier answer, the card.
  const [claimed, [priorRow], [card]] = await pipelined(tx, [
    claimRailEventQuery(tx, c, req.eventId, "authorization_request", now),
    storedCardAnswerQuery(tx, c, req.authorizationId),
    findCardQuery(tx, c, req.cardId),
  ] as const);
  if (claimed.length === 0) return replay(tx, c, req);
  const prior = asStoredAnswer(priorRow);
  if (prior) {
    await tx.updateTable("rail_events").set({ approved: prior.approved }).where("connection_id", "=", c.id).where("event_id", "=", req.eventId).execute();
    return prior;
  }
  const decline = (reason: string, agentId: string | null = card?.agent_id ?? null) =>
    recordCardAnswer(tx, c, req, { approved: false, reason, intentId: null, agentId, cardId: card?.id ?? null }, now);
  if (!card) return decline("the card is not attached to any agent", null);

  const [locked, [who]] = await pipelined(tx, [
    tx.selectFrom("agents").select("id").where("id", "=", card.agent_id).where("org_id", "=", c.orgId).forUpdate(),
    tx
      .selectFrom("agents as a")
      .innerJoin("organizations as o", "o.id", "a.org_id")
      .select([
        "a.status",
        "a.frozen_at",
        "a.frozen_reason",
        "o.frozen_at as org_frozen_at",
        "o.frozen_reason as org_frozen_reason",
        "o.card_tolerance_bps",
        "o.card_validity_minutes",
      ])
      .where("a.id", "=", card.agent_id)
      .where("a.org_id", "=", c.orgId),
  ] as const);
  if (locked.length === 0 || !who) return decline("the card's agent is not in this organisation");
  if (who.org_frozen_at) return decline(`the organisation's spending is frozen${who.org_frozen_reason ? `: ${who.org_frozen_reason}` : ""}`);
  if (who.frozen_at) return decline(`the agent's spending is frozen${who.frozen_reason ? `: ${who.frozen_reason}` : ""}`);
  if (who.status !== "active") return decline("the agent is suspended");

  const bps = who.card_tolerance_bps;
  const validFrom = new Date(now.getTime() - who.card_validity_minutes * 60_000);
  const remaining = sql<number>`(i.amount - i.card_authorized)`;
  const covering = await tx
    .selectFrom("intents as i")
    .select(["i.id", "i.amount", "i.card_authorized", "i.recurring"])
    .where("i.agent_id", "=", card.agent_id)
    .where("i.org_id", "=", c.orgId)
    .where("i.status", "=", "approved")
    .where("i.settlement", "is", null)
    .where("i.currency", "=", req.currency)
    .where("i.decided_at", ">=", validFrom)
    .where((eb) => eb.or([eb("i.recurring", "=", true), eb("i.card_authorized", "=", 0)]))
    .where(sql<boolean>`${req.amountMinor}::bigint * 10000 <= ${remaining} * (10000 + ${bps}::bigint)`)
    .where(remaining, ">", 0)
    // The closest fit first (an exact cover before a loose one), then the oldest approval.
    .orderBy(sql`(${remaining} >= ${req.amountMinor}::bigint)`, "desc")
    .orderBy(remaining, "asc")
    .orderBy("i.decided_at", "asc")
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (covering) return approveFromIntent(tx, c, req, card, covering, now);
  return decideNewCardIntent(tx, c, req, card, settings, now);
}

async function approveFromIntent(
  tx: SqlTx,
  c: RailConnectionRef,
  req: AuthorizationRequest,
  card: { id: string; agent_id: string },
  intent: { id: string; amount: number; card_authorized: number },
  now: Date,
): Promise<CardAnswer> {
  const remaining = intent.amount - intent.card_authorized;
  const consumed = Math.min(req.amountMinor, remaining);
  const extra = req.amountMinor - consumed;
  const base = { intentId: intent.id, agentId: card.agent_id, cardId: card.id };
  if (extra > 0) {
    // Within tolerance above the intent: that part was never debited by the approval, so it is now.
    try {
      const walletId = await findWalletId(tx, card.agent_id, req.currency);
      const memo = `Card payment ${formatMinorUnits(extra, req.currency)} over its intent, within the organisation's tolerance`;
      await postLedgerEntry(tx, { orgId: c.orgId, walletId, intentId: intent.id, kind: "debit", amount: extra, memo, actor: "rail" });
      // The card spent more than the approval: the budgets see it, like any approved spend.
      await applyCounterDelta(tx, intent.id, { ...ZERO_DELTA, spent: extra });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return recordCardAnswer(tx, c, req, { ...base, intentId: null, approved: false, reason: "the wallet cannot cover the amount over the intent" }, now);
    }
  }
  const reason = `covered by intent ${intent.id}${extra > 0 ? ` (${formatMinorUnits(extra, req.currency)} over it, within tolerance)` : ""}`;
  // Guarded: under the agent's and the intent's row locks it cannot miss; recordCardAnswer checks it took the row.
  const take = tx
    .updateTable("intents")
    .set({ card_authorized: sql`card_authorized + ${consumed}::bigint` })
    .where("id", "=", intent.id)
    .where("status", "=", "approved")
    .where("settlement", "is", null)
    .where("card_authorized", "=", intent.card_authorized)
    .returning("id");
  return recordCardAnswer(tx, c, req, { ...base, approved: true, reason, consumed, extra }, now, take);
}

async function decideNewCardIntent(
  tx: SqlTx,
  c: RailConnectionRef,
  req: AuthorizationRequest,
  card: { id: string; agent_id: string },
  settings: DecisionSettings,
  now: Date,
): Promise<CardAnswer> {
  const m = req.merchant;
  const intent = {
    id: newIntentId(now),
    orgId: c.orgId,
    agentId: card.agent_id,
    apiKeyId: null,
    submittedByUserId: null,
    amount: req.amountMinor,
    currency: req.currency,
    reason: `Card payment at ${m.name} with no intent submitted first`,
    confidence: null,
    merchant: m.name.slice(0, 200),
    merchantCategory: m.category ? m.category.toLowerCase().slice(0, 100) : null,
    metadata: { rail: c.provider, rail_authorization_id: req.authorizationId, rail_card_id: req.cardId, mcc: m.mcc, merchant_country: m.country },
    idempotencyKey: null,
    requestHash: crypto.createHash("sha256").update(`${c.id}:${req.authorizationId}`).digest("hex"),
    createdAt: now,
    source: "card" as const,
    recurring: false,
  };
  // The card, in the agent's name, is who "submitted" it (the audit trail's actor).
  const byCard: AgentPrincipal = { kind: "agent", orgId: c.orgId, agentId: card.agent_id, keyId: "", label: `card ${req.cardId}` };
  const view = await runDecision(tx, { kind: "new", intent, submittedBy: byCard }, settings, now, { keepOpen: true });
  const base = { intentId: intent.id, agentId: card.agent_id, cardId: card.id };
  if (!view) return recordCardAnswer(tx, c, req, { ...base, intentId: null, approved: false, reason: "the card's agent is not in this organisation" }, now);
  if (view.status === "approved") {
    await tx.updateTable("intents").set({ card_authorized: req.amountMinor }).where("id", "=", intent.id).execute();
    return recordCardAnswer(
      tx,
      c,
      req,
      { ...base, approved: true, reason: `no intent covered it; the policy approved a card intent (${view.decision?.rule})`, consumed: req.amountMinor },
      now,
    );
  }
  const reason = view.status === "pending_approval" ? DECLINED_AT_CARD : `declined at the card: denied by the policy: ${view.decision?.reason ?? "no reason"}`;
  // The agent reads its intents, not our rail rows: the card's answer goes on the intent too.
  await tx
    .updateTable("intents")
    .set({ metadata: sql`metadata || ${JSON.stringify({ card_answer: reason })}::jsonb` })
    .where("id", "=", intent.id)
    .execute();
  return recordCardAnswer(tx, c, req, { ...base, approved: false, reason }, now);
}

const findCard = (tx: SqlTx, c: RailConnectionRef, railCardId: string) => findCardQuery(tx, c, railCardId).executeTakeFirst();

const findCardQuery = (tx: SqlTx, c: RailConnectionRef, railCardId: string) =>
  tx
    .selectFrom("cards")
    .select(["id", "agent_id"])
    .where("org_id", "=", c.orgId)
    .where("provider", "=", c.provider)
    .where("rail_card_id", "=", railCardId)
    .where("detached_at", "is", null);

/** The same delivery again: what the first one answered (it committed before our claim returned). */
async function replay(tx: SqlTx, c: RailConnectionRef, req: AuthorizationRequest): Promise<CardAnswer> {
  const stored = await storedCardAnswer(tx, c, req.authorizationId);
  if (stored) return stored;
  const ev = await tx.selectFrom("rail_events").select("approved").where("connection_id", "=", c.id).where("event_id", "=", req.eventId).executeTakeFirst();
  return { approved: ev?.approved ?? false, reason: "answered before", intentId: null, replayed: true };
}
