import { beforeAll, describe, expect, inject, it } from "vitest";
import { api, expectError } from "./support/http";
import { admin, createAgent, createOrg, intentBody, type TestOrg } from "./support/factories";
import { sql } from "./support/database";
import { authorizationRequest, newStripeCardId, newWebhookSecret, sendToRail, transactionCreated, type StripeEvent } from "./support/stripe-events";

/**
 * The card rails' read and settings API: an intent's rail activity (read like the intent itself)
 * and the organisation's card settings (anyone reads, admins write, audited). Events are signed
 * by the official `stripe` package (support/stripe-events.ts).
 */
let org: TestOrg;
let secret: string;
let rail: { id: string };
beforeAll(async () => {
  org = await createOrg({ currency: "USD" });
  secret = newWebhookSecret();
  rail = await admin(["rail", "connect"], { org: org.id, provider: "stripe", "webhook-secret": secret });
});
const send = (e: StripeEvent) => sendToRail(rail.id, e, { secret });

describe("GET /api/v1/intents/{id}/rail-activity", () => {
  it("lists the card's authorization and capture; the intent's own agent may read it, another agent and another organisation get 404", async () => {
    const agent = await createAgent(org.id, 100_000);
    const card = newStripeCardId();
    await admin(["card", "attach"], { agent: agent.id, provider: "stripe", card });
    const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 4_000, currency: "USD" }))).body;
    expect(intent.status).toBe("approved");
    const authorization = `iauth_${Date.now().toString(36)}act`;
    expect((await send(authorizationRequest({ card, amount: 4_000, authorization }))).body).toEqual({ approved: true });
    expect(
      (await send(transactionCreated({ card, authorization, amount: 4_000, type: "capture", transaction: `ipi_${Date.now().toString(36)}act` }))).status,
    ).toBe(200);

    const res = await api(agent.key, "GET", `/api/v1/intents/${intent.id}/rail-activity`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      object: "rail_activity",
      intent_id: intent.id,
      authorizations: [{ authorization_id: authorization, amount: 4_000, currency: "USD", approved: true, status: "pending" }],
      transactions: [{ type: "capture", amount: 4_000, currency: "USD" }],
    });
    expect((await api(org.admin.key, "GET", `/api/v1/intents/${intent.id}/rail-activity`)).body).toEqual(res.body);

    const other = await createAgent(org.id, 0);
    expectError(await api(other.key, "GET", `/api/v1/intents/${intent.id}/rail-activity`), 404, "not_found");
    const stranger = await createOrg({ currency: "USD" });
    expectError(await api(stranger.admin.key, "GET", `/api/v1/intents/${intent.id}/rail-activity`), 404, "not_found");
    expectError(await api(org.admin.key, "GET", `/api/v1/intents/not-an-id/rail-activity`), 404, "not_found");
  });

  it("an intent the card never touched has an empty activity", async () => {
    const intent = (await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 1_000, currency: "USD" }))).body;
    expect((await api(org.agent.key, "GET", `/api/v1/intents/${intent.id}/rail-activity`)).body).toMatchObject({ authorizations: [], transactions: [] });
  });
});

describe("GET/PUT /api/v1/organization/card-settings", () => {
  it("reads the defaults, lets an admin change them (audited) and refuses everyone else", async () => {
    const own = await createOrg({ currency: "USD" });
    expect((await api(own.agent.key, "GET", "/api/v1/organization/card-settings")).body).toEqual({
      object: "card_settings",
      tolerance_bps: 0,
      validity_minutes: 1_440,
    });
    expectError(await api(own.approver.key, "PUT", "/api/v1/organization/card-settings", { tolerance_bps: 500 }), 403, "forbidden");
    expectError(await api(own.agent.key, "PUT", "/api/v1/organization/card-settings", { tolerance_bps: 500 }), 403, "forbidden");
    expectError(await api(own.admin.key, "PUT", "/api/v1/organization/card-settings", { tolerance_bps: 10_001 }), 400, "validation_error");
    expectError(await api(own.admin.key, "PUT", "/api/v1/organization/card-settings", { tolerance_bps: 5, extra: 1 }), 400, "validation_error");

    const saved = await api(own.admin.key, "PUT", "/api/v1/organization/card-settings", { tolerance_bps: 500, validity_minutes: 2_880 });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ object: "card_settings", tolerance_bps: 500, validity_minutes: 2_880 });
    // Omitted fields are kept.
    expect((await api(own.admin.key, "PUT", "/api/v1/organization/card-settings", { validity_minutes: 60 })).body).toMatchObject({
      tolerance_bps: 500,
      validity_minutes: 60,
    });
    expect((await api(own.approver.key, "GET", "/api/v1/organization/card-settings")).body).toMatchObject({ tolerance_bps: 500, validity_minutes: 60 });
    // Another organisation's settings are untouched.
    expect((await api(org.admin.key, "GET", "/api/v1/organization/card-settings")).body).toMatchObject({ tolerance_bps: 0 });
    // The audit rows are read straight from PostgreSQL (the PGlite run's database lives inside the server); the domain test reads them there.
    if (inject("databaseKind") !== "postgresql") return;
    const audit = await sql(`SELECT data FROM audit_events WHERE org_id = $1 AND action = 'organization.card_settings_set' ORDER BY created_at`, [own.id]);
    expect(audit.map((a) => a.data)).toEqual([
      { tolerance_bps: 500, validity_minutes: 2_880 },
      { tolerance_bps: 500, validity_minutes: 60 },
    ]);
  });
});
