import { beforeAll, describe, expect, inject, it } from "vitest";
import { api } from "./support/http";
import { createAgent, createOrg, intentBody, setPolicy, type TestOrg } from "./support/factories";
import { ledgerAgreesWithWallet } from "./support/database";

const onPostgres = inject("databaseKind") === "postgresql";
let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

describe.runIf(onPostgres)("races on PostgreSQL", () => {
  it("50 concurrent submits against one wallet never take available below zero; the ledger sums to the balance", async () => {
    const agent = await createAgent(org.id, 1_000_000); // room for 10 of 100,000
    await setPolicy(org.id, (doc) => {
      doc.agent_overrides[agent.id] = { daily_budget: null, monthly_budget: null, max_intents_per_hour: null };
    });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 100_000, reason: `race ${i}` }))),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const statuses = results.map((r) => r.body.status);
    expect(statuses.filter((s) => s === "approved")).toHaveLength(10);
    expect(statuses.filter((s) => s === "denied")).toHaveLength(40);
    const w = (await api(org.admin.key, "GET", `/api/v1/agents/${agent.id}`)).body.wallet;
    expect(w).toEqual({ currency: "INR", balance: 0, held: 0, available: 0, low_balance_threshold: null });
    const ledger = await ledgerAgreesWithWallet(agent.id);
    expect(ledger).toEqual({ balance: 0, held: 0, ledgerBalance: 0, ledgerHeld: 0 });
  });

  it("holds count against available too: concurrent approvals-needed submits never over-hold", async () => {
    const agent = await createAgent(org.id, 5_000_000); // room for 2 holds of 2,000,000
    const results = await Promise.all(Array.from({ length: 10 }, () => api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))));
    expect(results.filter((r) => r.body.status === "pending_approval")).toHaveLength(2);
    const ledger = await ledgerAgreesWithWallet(agent.id);
    expect(ledger).toEqual({ balance: 5_000_000, held: 4_000_000, ledgerBalance: 5_000_000, ledgerHeld: 4_000_000 });
  });

  it("two concurrent answers to one approval: exactly one 200 and one 409, ten times over", async () => {
    for (let round = 0; round < 10; round++) {
      const agent = await createAgent(org.id, 3_000_000);
      const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
      const answers = await Promise.all([
        api(org.approver.key, "POST", `/api/v1/approvals/${intent.approval.id}`, { decision: "approve" }),
        api(org.approver2.key, "POST", `/api/v1/approvals/${intent.id}`, { decision: "approve" }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const ledger = await ledgerAgreesWithWallet(agent.id);
      expect(ledger).toEqual({ balance: 1_000_000, held: 0, ledgerBalance: 1_000_000, ledgerHeld: 0 });
    }
  });
});
