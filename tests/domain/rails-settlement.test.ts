import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { Db } from "@/lib/db/client";
import { submitIntent } from "@/lib/intents/submit-intent";
import { autoSettleIntents } from "@/lib/jobs/auto-settle-intents";
import { toPolicyDocument } from "@/lib/policies/engine";
import { getOrgPolicy } from "@/lib/policies/get-org-policy";
import { setOrgPolicy } from "@/lib/policies/set-org-policy";
import { attachCard } from "@/lib/rails/attach-card";
import { connectRail } from "@/lib/rails/connect-rail";
import { decideCardAuthorization } from "@/lib/rails/decide-card-authorization";
import { disconnectRail } from "@/lib/rails/disconnect-rail";
import { setCardSettings } from "@/lib/rails/set-card-settings";
import { settleFromRail } from "@/lib/rails/settle-from-rail";
import { checkCounters } from "@/lib/counters/check-counters";
import type { RailConnectionRef } from "@/lib/rails/record-card-answer";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { createTestDb } from "./support/test-db";
import { seedOrg } from "./support/seed";

/**
 * Card rails and the rest of the money path, in process on PGlite: the rail's facts are fed to the
 * domain verbs the webhook route calls (decideCardAuthorization, settleFromRail); the HTTP and
 * signature side is tests/integration/rails-stripe.test.ts.
 */
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await createTestDb()), 120_000);
afterAll(() => close());

let seq = 0;
const uid = (p: string) => `${p}_${Date.now().toString(36)}${(seq++).toString(36)}`;

/** An organisation whose policy auto-captures approved intents 2 h after approval, with an agent key. */
async function autoCapturingOrg() {
  const s = await seedOrg(db, { admin: "admin" });
  const current = await getOrgPolicy(db, s.org.id);
  const doc = toPolicyDocument(current.policy);
  doc.rules = { ...doc.rules, daily_budget: null, monthly_budget: null };
  doc.settlement = { auto_after_hours: 2, auto_action: "capture" };
  await setOrgPolicy(db, "system", s.org.id, doc, current.version);
  const key = await createApiKey(db, "system", { orgId: s.org.id, kind: "agent", agentId: s.agent.id });
  const agent = await authenticateApiKey(db, key.key);
  if (!agent) throw new Error("the agent key did not authenticate");
  const submit = async (amount: number) =>
    (
      await submitIntent(
        db,
        agent,
        { amount, currency: "INR", reason: "test", confidence: 0.95, merchant: "Acme", merchant_category: undefined, metadata: {} },
        null,
      )
    ).intent;
  const connect = async () => {
    const rail = await connectRail(db, { orgId: s.org.id, actor: s.people.admin, provider: "stripe", webhookSecret: `whsec_${uid("t")}` });
    const ref: RailConnectionRef = { id: rail.id, orgId: s.org.id, provider: "stripe" };
    return ref;
  };
  return { ...s, submit, connect };
}

const merchant = { name: "Acme", category: null, mcc: null, country: null, networkId: null };
const authorize = (rail: RailConnectionRef, card: string, authorizationId: string, amountMinor: number) =>
  decideCardAuthorization(db, rail, {
    kind: "authorization_request",
    eventId: uid("evt"),
    authorizationId,
    cardId: card,
    amountMinor,
    currency: "INR",
    merchant,
    occurredAt: new Date(),
  });
const railTransaction = (rail: RailConnectionRef, card: string, authorizationId: string, type: "capture" | "refund", amountMinor: number) =>
  settleFromRail(db, rail, {
    kind: "transaction",
    eventId: uid("evt"),
    transactionId: uid("ipi"),
    authorizationId,
    cardId: card,
    type,
    amountMinor,
    currency: "INR",
    occurredAt: new Date(),
  });
const authorizationClosed = (rail: RailConnectionRef, card: string, authorizationId: string, amountMinor: number) =>
  settleFromRail(db, rail, {
    kind: "authorization_updated",
    eventId: uid("evt"),
    authorizationId,
    cardId: card,
    status: "reversed",
    amountMinor,
    currency: "INR",
    occurredAt: new Date(),
  });

/** The agent's spend as its budgets read it (every intent here is created today, so today's spend is also the month's). */
async function agentSpend(agentId: string) {
  const rows = await db.agentDayCounter.findMany({ where: { agentId } });
  return rows.reduce((sum, r) => sum + Number(r.spent), 0);
}

/** Makes intents look approved `hours` ago, so the sweep finds them due. */
async function ageApprovals(ids: string[], hours: number) {
  await db.intent.updateMany({ where: { id: { in: ids } }, data: { decidedAt: new Date(Date.now() - hours * 3_600_000) } });
}
const settlementOf = async (id: string) => (await db.intent.findUniqueOrThrow({ where: { id }, select: { settlement: true } })).settlement;

describe("the auto-settle sweep and card rails", { timeout: 60_000 }, () => {
  it("never settles an intent a card authorization took from, even after its rail was disconnected", async () => {
    const s = await autoCapturingOrg();
    const rail = await s.connect();
    const card = uid("ic");
    await attachCard(db, { orgId: s.org.id, actor: s.people.admin, agentId: s.agent.id, provider: "stripe", railCardId: card });
    const carded = await s.submit(30_000);
    const answer = await decideCardAuthorization(db, rail, {
      kind: "authorization_request",
      eventId: uid("evt"),
      authorizationId: uid("iauth"),
      cardId: card,
      amountMinor: 30_000,
      currency: "INR",
      merchant: { name: "Acme", category: null, mcc: null, country: null, networkId: null },
      occurredAt: new Date(),
    });
    expect(answer).toMatchObject({ approved: true, intentId: carded.id });
    await disconnectRail(db, { orgId: s.org.id, actor: s.people.admin, connectionId: rail.id });
    // An intent nobody paid at a card is still swept: the sweep itself works here.
    const plain = await s.submit(20_000);
    await ageApprovals([carded.id, plain.id], 3);

    await autoSettleIntents(db);
    expect(await settlementOf(plain.id)).toBe("captured");
    expect(await settlementOf(carded.id)).toBeNull();
  });

  it("leaves every intent of an organisation with an active rail to the rail", async () => {
    const s = await autoCapturingOrg();
    const plain = await s.submit(20_000);
    const rail = await s.connect();
    await ageApprovals([plain.id], 3);
    await autoSettleIntents(db);
    expect(await settlementOf(plain.id)).toBeNull();
    // Once the rail is gone, the organisation's clock settles again.
    await disconnectRail(db, { orgId: s.org.id, actor: s.people.admin, connectionId: rail.id });
    await autoSettleIntents(db);
    expect(await settlementOf(plain.id)).toBe("captured");
  });
});

describe("budget counters for money the rail moves", { timeout: 60_000 }, () => {
  it("the excess within tolerance counts at authorization and a refund leaves the budgets; the counter check agrees", async () => {
    const s = await autoCapturingOrg();
    const rail = await s.connect();
    await setCardSettings(db, s.people.admin, s.org.id, { tolerance_bps: 1_000 }); // 10 %
    const audited = await db.auditEvent.findMany({ where: { orgId: s.org.id, action: "organization.card_settings_set" }, select: { data: true } });
    expect(audited.map((a) => a.data)).toEqual([{ tolerance_bps: 1_000, validity_minutes: 1_440 }]);
    const card = uid("ic");
    await attachCard(db, { orgId: s.org.id, actor: s.people.admin, agentId: s.agent.id, provider: "stripe", railCardId: card });
    const intent = await s.submit(100_000);
    expect(await agentSpend(s.agent.id)).toBe(100_000);

    const auth = uid("iauth");
    expect(await authorize(rail, card, auth, 105_000)).toMatchObject({ approved: true, intentId: intent.id });
    expect(await agentSpend(s.agent.id)).toBe(105_000); // the ₹50 over the intent is spent too
    expect(await checkCounters(db, s.org.id)).toEqual([]);

    await railTransaction(rail, card, auth, "capture", 105_000);
    expect(await agentSpend(s.agent.id)).toBe(105_000);
    expect(await checkCounters(db, s.org.id)).toEqual([]);

    await railTransaction(rail, card, auth, "refund", 30_000);
    expect(await agentSpend(s.agent.id)).toBe(75_000);
    expect(await checkCounters(db, s.org.id)).toEqual([]);
    const wallet = await db.wallet.findFirstOrThrow({ where: { agentId: s.agent.id } });
    expect(Number(wallet.balance)).toBe(100_000_000 - 105_000 + 30_000);
  });

  it("an excess the card never captured comes back to the wallet and the budgets", async () => {
    const s = await autoCapturingOrg();
    const rail = await s.connect();
    await setCardSettings(db, s.people.admin, s.org.id, { tolerance_bps: 1_000 });
    const card = uid("ic");
    await attachCard(db, { orgId: s.org.id, actor: s.people.admin, agentId: s.agent.id, provider: "stripe", railCardId: card });
    const partly = await s.submit(100_000);
    const auth = uid("iauth");
    await authorize(rail, card, auth, 108_000);
    expect(await agentSpend(s.agent.id)).toBe(108_000);
    // Captured at the intent's amount: the ₹80 over it was not paid and returns.
    await railTransaction(rail, card, auth, "capture", 100_000);
    expect(await agentSpend(s.agent.id)).toBe(100_000);
    expect(await checkCounters(db, s.org.id)).toEqual([]);

    const released = await s.submit(50_000);
    const second = uid("iauth");
    await authorize(rail, card, second, 54_000);
    expect(await agentSpend(s.agent.id)).toBe(154_000);
    await authorizationClosed(rail, card, second, 54_000);
    expect(await db.intent.findUniqueOrThrow({ where: { id: released.id }, select: { settlement: true } })).toEqual({ settlement: "voided" });
    expect(await agentSpend(s.agent.id)).toBe(100_000);
    expect(await checkCounters(db, s.org.id)).toEqual([]);
    void partly;
  });
});

describe("a capture from the rail after the intent is settled", { timeout: 60_000 }, () => {
  it("debits the wallet as the card paid, audits it, and tells admins by webhook and notification", async () => {
    const s = await autoCapturingOrg();
    await createWebhookEndpoint(db, "system", s.org.id, { url: "https://hooks.example.com/aegis", events: ["intent.captured_after_settlement"] });
    const rail = await s.connect();
    const card = uid("ic");
    await attachCard(db, { orgId: s.org.id, actor: s.people.admin, agentId: s.agent.id, provider: "stripe", railCardId: card });
    const balance = async () => Number((await db.wallet.findFirstOrThrow({ where: { agentId: s.agent.id } })).balance);

    const intent = await s.submit(100_000);
    const auth = uid("iauth");
    await authorize(rail, card, auth, 100_000);
    await railTransaction(rail, card, auth, "capture", 60_000); // settles it: ₹400 back
    expect(await db.intent.findUniqueOrThrow({ where: { id: intent.id }, select: { settlement: true, capturedAmount: true } })).toEqual({
      settlement: "captured",
      capturedAmount: 60_000n,
    });
    expect(await balance()).toBe(100_000_000 - 60_000);

    expect(await agentSpend(s.agent.id)).toBe(60_000);

    // The merchant captures the rest later: the card statement shows ₹1,000 in all, and so do the ledger and the budgets.
    await railTransaction(rail, card, auth, "capture", 40_000);
    expect(await balance()).toBe(100_000_000 - 100_000);
    expect(await agentSpend(s.agent.id)).toBe(100_000);
    expect(await checkCounters(db, s.org.id)).toEqual([]);
    const late = await db.ledgerEntry.findMany({
      where: { intentId: intent.id, kind: "debit" },
      orderBy: { createdAt: "asc" },
      select: { amount: true, memo: true },
    });
    expect(late.map((l) => Number(l.amount))).toEqual([100_000, 40_000]);
    expect(late[1].memo).toMatch(/after the intent was settled \(captured\)/);
    const audit = await db.auditEvent.findMany({
      where: { orgId: s.org.id, action: "intent.captured_after_settlement" },
      select: { targetId: true, data: true },
    });
    expect(audit).toEqual([{ targetId: intent.id, data: expect.objectContaining({ amount: 40_000, settlement: "captured", debited: true }) }]);
    const events = await db.webhookEvent.findMany({ where: { orgId: s.org.id, type: "intent.captured_after_settlement" } });
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ intent_id: intent.id, amount: 40_000, debited: true });
    const notes = await db.notification.findMany({ where: { orgId: s.org.id, kind: "card_capture_after_settlement" } });
    expect(notes.map((n) => n.userId)).toEqual([s.people.admin.userId]);
    expect(notes[0].link).toBe(`/intents/${intent.id}`);
  });

  it("a capture after a voided intent that the wallet cannot cover is recorded and told, not debited", async () => {
    const s = await autoCapturingOrg();
    const rail = await s.connect();
    const card = uid("ic");
    await attachCard(db, { orgId: s.org.id, actor: s.people.admin, agentId: s.agent.id, provider: "stripe", railCardId: card });
    const intent = await s.submit(50_000);
    const auth = uid("iauth");
    await authorize(rail, card, auth, 50_000);
    await authorizationClosed(rail, card, auth, 50_000);
    expect((await db.intent.findUniqueOrThrow({ where: { id: intent.id } })).settlement).toBe("voided");
    const before = Number((await db.wallet.findFirstOrThrow({ where: { agentId: s.agent.id } })).balance);
    expect(before).toBe(100_000_000);

    expect(await agentSpend(s.agent.id)).toBe(0);
    await railTransaction(rail, card, auth, "capture", 200_000_000); // more than the wallet holds
    expect(Number((await db.wallet.findFirstOrThrow({ where: { agentId: s.agent.id } })).balance)).toBe(before);
    // The card spent it all the same: the budgets count it, and a recomputation agrees.
    expect(await agentSpend(s.agent.id)).toBe(200_000_000);
    expect(await checkCounters(db, s.org.id)).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: s.org.id, action: "intent.captured_after_settlement" } });
    expect(audit.data).toMatchObject({ settlement: "voided", debited: false, amount: 200_000_000 });
    const note = await db.notification.findFirstOrThrow({ where: { orgId: s.org.id, kind: "card_capture_after_settlement" } });
    expect(note.body).toMatch(/could not cover it/);
  });
});
