import { beforeAll, describe, expect, inject, it } from "vitest";
import { api } from "./support/http";
import { createAgent, createOrg, intentBody, type TestOrg } from "./support/factories";
import { eventually, ledgerAgreesWithWallet, sql } from "./support/database";

const onPostgres = inject("databaseKind") === "postgresql";
let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

describe.runIf(onPostgres)("background sweeps (the test server sweeps every second)", () => {
  it("decides an intent left pending by a process that died between storing and deciding", async () => {
    const agent = await createAgent(org.id, 1_000_000);
    const id = `int_recovery${Date.now()}`;
    // Exactly what submitIntent's first transaction stores, 30 s ago, and nothing else.
    await sql(
      `INSERT INTO intents (id, org_id, agent_id, amount, currency, reason, confidence, metadata, status, request_hash, created_at)
       VALUES ($1, $2, $3, 5000, 'INR', 'orphaned by a crash', 0.9, '{}', 'pending', 'x', now() - interval '30 seconds')`,
      [id, org.id, agent.id],
    );
    const intent = await eventually(
      async () => (await api(agent.key, "GET", `/api/v1/intents/${id}`)).body,
      (i) => i.status !== "pending",
    );
    expect(intent).toMatchObject({ status: "approved", policy_decision: { outcome: "approve" } });
    expect(await ledgerAgreesWithWallet(agent.id)).toEqual({ balance: 995_000, held: 0, ledgerBalance: 995_000, ledgerHeld: 0 });
  });

  it("expires an overdue approval and releases its hold", async () => {
    const agent = await createAgent(org.id, 3_000_000);
    const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    expect(new Date(intent.approval.expires_at).getTime() - Date.now()).toBeGreaterThan(71 * 3600_000);
    await sql(`UPDATE approvals SET expires_at = now() - interval '1 second' WHERE id = $1`, [intent.approval.id]);
    const after = await eventually(
      async () => (await api(agent.key, "GET", `/api/v1/intents/${intent.id}`)).body,
      (i) => i.status === "expired",
    );
    expect(after).toMatchObject({ status: "expired", approval: { status: "expired" } });
    expect(await ledgerAgreesWithWallet(agent.id)).toEqual({ balance: 3_000_000, held: 0, ledgerBalance: 3_000_000, ledgerHeld: 0 });
    const late = await api(org.approver.key, "POST", `/api/v1/approvals/${intent.approval.id}`, { decision: "approve" });
    expect(late.status).toBe(409);
  });

  it("every state change wrote an audit event", async () => {
    const rows = await sql<{ action: string }>(`SELECT DISTINCT action FROM audit_events WHERE org_id = $1`, [org.id]);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["intent.submitted", "intent.decided", "approval.requested", "approval.expired"]));
  });
});
