import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { admin, createAgent, createOrg, intentBody, setPolicy, type TestAgent, type TestOrg } from "./support/factories";

/**
 * Lithic through the same rail endpoint as Stripe: Auth Stream Access requests and Events API
 * deliveries shaped like the `lithic` package's types (tests/fixtures/rails/lithic-*.json), signed
 * the way Lithic signs them (Standard Webhooks, the `standardwebhooks` library the package
 * verifies with), ASA requests with the program's ASA secret and events with the subscription's
 * (the connection holds both, comma-separated).
 */
let org: TestOrg;
let rail: { id: string };
const newSecret = () => `whsec_${crypto.randomBytes(24).toString("base64")}`;
const asaSecret = newSecret();
const eventsSecret = newSecret();

beforeAll(async () => {
  org = await createOrg({ currency: "USD" });
  // $200 and below is approved by the policy; above it a person must decide.
  await setPolicy(org.id, (doc) => Object.assign(doc.rules, { auto_approve_limit: 20_000 }));
  const res = await api(org.admin.key, "POST", "/api/v1/rails", { provider: "lithic", webhook_secret: `${asaSecret},${eventsSecret}` });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  rail = res.body;
});

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join("tests", "fixtures", "rails", `lithic-${name}.json`), "utf8")).payload;
const uuid = () => crypto.randomUUID();

/** An ASA request for `cents` on `card`, with a fresh transaction token. */
function asa(card: string, cents: number, extra: Record<string, unknown> = {}) {
  const p = fixture("asa-request");
  p.token = uuid();
  p.card.token = card;
  p.amounts.cardholder.amount = cents;
  p.amounts.hold.amount = cents;
  p.amounts.merchant.amount = cents;
  p.amount = p.authorization_amount = p.merchant_amount = cents;
  p.created = new Date().toISOString();
  return Object.assign(p, extra);
}

/** A card_transaction.updated from a fixture, re-pointed at `txToken` and `card`, its newest event at `cents`. */
function txEvent(name: string, txToken: string, card: string, cents: number) {
  const p = fixture(name);
  Object.assign(p, { token: txToken, card_token: card });
  // Fresh tokens, and times in the fixture's order ending now: the newest event is the one delivered.
  p.events.forEach((e: { token: string; created: string }, i: number) => {
    e.token = uuid();
    e.created = new Date(Date.now() - (p.events.length - 1 - i) * 60_000).toISOString();
  });
  const newest = p.events.at(-1);
  newest.amount = cents;
  newest.amounts.cardholder.amount = cents;
  return p;
}

async function send(body: unknown, opts: { secret?: string | null; id?: string; at?: Date } = {}) {
  const payload = JSON.stringify(body);
  const id = opts.id ?? `msg_${crypto.randomBytes(12).toString("hex")}`;
  const at = opts.at ?? new Date();
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (opts.secret !== null) {
    Object.assign(headers, {
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(opts.secret ?? asaSecret).sign(id, at, payload),
    });
  }
  return api(null, "POST", `/api/rails/${rail.id}`, payload, headers);
}

const wallet = async (a: TestAgent) => (await api(org.admin.key, "GET", `/api/v1/agents/${a.id}`)).body.wallet;
const intent = async (id: string) => (await api(org.admin.key, "GET", `/api/v1/intents/${id}`)).body;
const cardIntents = async (a: TestAgent) =>
  ((await api(org.admin.key, "GET", `/api/v1/intents?agent_id=${a.id}&limit=100`)).body.data as { source: string; status: string }[]).filter(
    (i) => i.source === "card",
  );

async function agentWithCard(balance = 100_000) {
  const agent = await createAgent(org.id, balance);
  const card = uuid();
  await admin(["card", "attach"], { agent: agent.id, provider: "lithic", card });
  return { agent, card };
}
async function approvedIntent(agent: TestAgent, amount: number) {
  const res = await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount, currency: "USD" }));
  expect(res.body.status).toBe("approved");
  return res.body;
}

describe("connecting Lithic", () => {
  it("is accepted now that the adapter is registered; the secret never comes back", async () => {
    expect(rail).toMatchObject({ object: "rail_connection", provider: "lithic", status: "active" });
    const list = await api(org.admin.key, "GET", "/api/v1/rails");
    expect(JSON.stringify(list.body)).not.toContain(asaSecret);
    expect(JSON.stringify(list.body)).not.toContain(eventsSecret);
    expectError(await api(org.admin.key, "POST", "/api/v1/rails", { provider: "lithic", webhook_secret: newSecret() }), 409, "conflict");
  });
});

describe("Auth Stream Access", () => {
  it("approves what an approved intent covers, in ASA's {token, result}; the same request again gets the same answer and moves nothing", async () => {
    const { agent, card } = await agentWithCard();
    const covered = await approvedIntent(agent, 4_200);
    const request = asa(card, 4_200);
    const res = await send(request, { id: "msg_asa_once" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: request.token, result: "APPROVED" });
    expect(await wallet(agent)).toMatchObject({ balance: 95_800 });
    const again = await send(request, { id: "msg_asa_once" });
    expect(again.body).toEqual({ token: request.token, result: "APPROVED" });
    expect(await wallet(agent)).toMatchObject({ balance: 95_800 });
    expect((await intent(covered.id)).settlement).toBe("uncaptured");
    expect(await cardIntents(agent)).toEqual([]);
  });

  it("declines with one of ASA's results what needs a person, and the card intent waits for one", async () => {
    const { agent, card } = await agentWithCard();
    const request = asa(card, 25_000);
    const res = await send(request);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: request.token, result: "UNAUTHORIZED_MERCHANT" });
    expect(await cardIntents(agent)).toMatchObject([{ source: "card", status: "pending_approval" }]);
    expect(await wallet(agent)).toMatchObject({ balance: 100_000 });
  });

  it("a missing, wrong or stale signature is a 400 that decides nothing", async () => {
    const { agent, card } = await agentWithCard();
    await approvedIntent(agent, 4_200);
    const request = asa(card, 4_200);
    expect((await send(request, { secret: null })).status).toBe(400);
    expect((await send(request, { secret: newSecret() })).status).toBe(400);
    expect((await send(request, { at: new Date(Date.now() - 3_600_000) })).status).toBe(400);
    expect(await wallet(agent)).toMatchObject({ balance: 95_800 });
    expect(await cardIntents(agent)).toEqual([]);
    expect((await send(request)).body).toEqual({ token: request.token, result: "APPROVED" });
  });

  it("approves balance inquiries without deciding anything, and declines a card attached to no agent", async () => {
    const { agent, card } = await agentWithCard();
    const inquiry = asa(card, 0, { status: "BALANCE_INQUIRY" });
    expect((await send(inquiry)).body).toEqual({ token: inquiry.token, result: "APPROVED" });
    expect(await cardIntents(agent)).toEqual([]);
    const stray = asa(uuid(), 1_000);
    expect((await send(stray)).body).toEqual({ token: stray.token, result: "UNAUTHORIZED_MERCHANT" });
  });
});

describe("settlement from Lithic's events", () => {
  it("a clearing captures (the rest returns), a return refunds, and a redelivered event moves nothing twice", async () => {
    const { agent, card } = await agentWithCard();
    const covered = await approvedIntent(agent, 4_200);
    const request = asa(card, 4_200);
    expect((await send(request)).body.result).toBe("APPROVED");

    const clearing = txEvent("transaction-clearing", request.token, card, 3_900);
    const settled = await send(clearing, { secret: eventsSecret });
    expect(settled.status, JSON.stringify(settled.body)).toBe(200);
    expect(await intent(covered.id)).toMatchObject({ settlement: "captured", captured_amount: 3_900 });
    expect(await wallet(agent)).toMatchObject({ balance: 96_100 });
    expect((await send(clearing, { secret: eventsSecret })).status).toBe(200);
    expect(await wallet(agent)).toMatchObject({ balance: 96_100 });

    const ret = txEvent("transaction-return", request.token, card, 1_500);
    expect((await send(ret, { secret: eventsSecret })).status).toBe(200);
    expect(await intent(covered.id)).toMatchObject({ refunded_amount: 1_500 });
    expect(await wallet(agent)).toMatchObject({ balance: 97_600 });
  });

  it("a void of an uncaptured authorization voids its intent: all of it returns", async () => {
    const { agent, card } = await agentWithCard();
    const covered = await approvedIntent(agent, 5_000);
    const request = asa(card, 5_000);
    expect((await send(request)).body.result).toBe("APPROVED");
    expect(await wallet(agent)).toMatchObject({ balance: 95_000 });
    expect((await send(txEvent("transaction-void", request.token, card, 5_000), { secret: eventsSecret })).status).toBe(200);
    expect(await intent(covered.id)).toMatchObject({ settlement: "voided" });
    expect(await wallet(agent)).toMatchObject({ balance: 100_000 });
  });

  it("an event signed with neither secret is refused and moves nothing", async () => {
    const { agent, card } = await agentWithCard();
    const covered = await approvedIntent(agent, 4_200);
    const request = asa(card, 4_200);
    expect((await send(request)).body.result).toBe("APPROVED");
    expect((await send(txEvent("transaction-clearing", request.token, card, 4_200), { secret: newSecret() })).status).toBe(400);
    expect((await intent(covered.id)).settlement).toBe("uncaptured");
  });
});
