import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer, testPort, type AppServer } from "./support/app-server";
import { api } from "./support/http";
import { admin, createAgent, createOrg, intentBody, setPolicy, type TestOrg } from "./support/factories";
import { ledgerAgreesWithWallet, sql } from "./support/database";
import { authorizationRequest, newStripeCardId, newWebhookSecret, sendToRail } from "./support/stripe-events";

/**
 * Card authorizations racing on PostgreSQL, across two app instances on one database: two
 * authorizations for one approved intent, at most one approved; the same event delivered to both
 * instances at once, one answer and one move; an intent past its validity covers nothing.
 */
const onPostgres = inject("databaseKind") === "postgresql";
let second: AppServer | null = null;
let org: TestOrg;
let secret: string;
let railId: string;

beforeAll(async () => {
  if (!onPostgres) return;
  org = await createOrg({ currency: "USD" });
  // Only $10 is approved by the policy alone: an uncovered authorization above it is declined.
  await setPolicy(org.id, (doc) => Object.assign(doc.rules, { auto_approve_limit: 1_000 }));
  secret = newWebhookSecret();
  railId = (await admin(["rail", "connect"], { org: org.id, provider: "stripe", "webhook-secret": secret })).id;
  // The second instance opens the sealed rail secret with the same key as the first.
  const key = fs.readFileSync(path.join(inject("dataDir"), "secret-key"), "utf8").trim();
  second = await startAppServer({ port: testPort(16), databaseUrl: inject("databaseUrl"), env: { AEGIS_SKIP_BUILD: "1", AEGIS_SECRET_KEY: key } });
}, 240_000);
afterAll(async () => {
  await second?.stop();
});

async function agentWithIntent(amount: number) {
  const agent = await createAgent(org.id, 1_000_000);
  const card = newStripeCardId();
  await admin(["card", "attach"], { agent: agent.id, provider: "stripe", card });
  // Above the policy's $10, a person approves it (as a finance team would before the agent pays).
  const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount, currency: "USD" }))).body;
  expect(intent.status).toBe("pending_approval");
  expect((await api(org.approver.key, "POST", `/api/v1/approvals/${intent.id}`, { decision: "approve" })).status).toBe(200);
  return { agent, card, intent };
}

describe.runIf(onPostgres)("card authorizations racing on PostgreSQL", () => {
  it("two authorizations for one intent, one per instance: at most one is approved, and the money agrees", async () => {
    for (let round = 0; round < 5; round++) {
      const { agent, card, intent } = await agentWithIntent(10_000);
      const [a, b] = await Promise.all([
        sendToRail(railId, authorizationRequest({ card, amount: 10_000 }), { secret }),
        sendToRail(railId, authorizationRequest({ card, amount: 10_000 }), { secret, baseUrl: second!.baseUrl }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect([a.body.approved, b.body.approved].filter(Boolean)).toHaveLength(1);
      const [row] = await sql(`SELECT card_authorized::int AS taken FROM intents WHERE id = $1`, [intent.id]);
      expect(row.taken).toBe(10_000);
      const auths = await sql(`SELECT approved FROM rail_authorizations WHERE agent_id = $1`, [agent.id]);
      expect(auths.filter((x) => x.approved)).toHaveLength(1);
      const w = await ledgerAgreesWithWallet(agent.id);
      expect(w.balance).toBe(w.ledgerBalance);
      expect(w.held).toBe(w.ledgerHeld);
      expect(w.balance).toBe(1_000_000 - 10_000);
    }
  });

  it("the same event on both instances at once: one answer, one authorization, money once", async () => {
    const agent = await createAgent(org.id, 1_000_000);
    const card = newStripeCardId();
    await admin(["card", "attach"], { agent: agent.id, provider: "stripe", card });
    const event = authorizationRequest({ card, amount: 900 });
    const [a, b] = await Promise.all([sendToRail(railId, event, { secret }), sendToRail(railId, event, { secret, baseUrl: second!.baseUrl })]);
    expect(a.body).toEqual({ approved: true });
    expect(b.body).toEqual({ approved: true });
    const rows = await sql(`SELECT count(*)::int AS n FROM rail_authorizations WHERE connection_id = $1 AND authorization_id = $2`, [
      railId,
      event.data.object.id,
    ]);
    expect(rows[0].n).toBe(1);
    const intents = await sql(`SELECT count(*)::int AS n FROM intents WHERE agent_id = $1 AND source = 'card'`, [agent.id]);
    expect(intents[0].n).toBe(1);
    expect((await ledgerAgreesWithWallet(agent.id)).balance).toBe(1_000_000 - 900);
  });

  it("an intent approved longer ago than the organisation's validity covers nothing", async () => {
    const { card, intent } = await agentWithIntent(5_000);
    await sql(`UPDATE intents SET decided_at = now() AT TIME ZONE 'UTC' - interval '25 hours' WHERE id = $1`, [intent.id]);
    expect((await sendToRail(railId, authorizationRequest({ card, amount: 5_000 }), { secret })).body).toEqual({ approved: false });
    await admin(["rail", "settings"], { org: org.id, "validity-minutes": String(48 * 60) });
    try {
      expect((await sendToRail(railId, authorizationRequest({ card, amount: 5_000 }), { secret })).body).toEqual({ approved: true });
    } finally {
      await admin(["rail", "settings"], { org: org.id, "validity-minutes": "1440" });
    }
  });
});
