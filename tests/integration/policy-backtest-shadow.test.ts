import { beforeAll, describe, expect, it } from "vitest";
import { admin, createAgent, createOrg, intentBody, type TestAgent, type TestOrg } from "./support/factories";
import { api, expectError } from "./support/http";

let org: TestOrg;
let agent: TestAgent;
const submitted: { id: string; status: string; amount: number }[] = [];

beforeAll(async () => {
  org = await createOrg();
  agent = await createAgent(org.id);
  // Default policy: ₹5,000 auto-approve limit. Three small spends and one that needs a person.
  for (const amount of [10_000, 20_000, 30_000, 2_000_000]) {
    const res = await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount }));
    submitted.push({ id: res.body.id, status: res.body.status, amount });
  }
});

const current = async () => (await api(org.admin.key, "GET", "/api/v1/policy")).body;
/** The current policy with a lower auto-approve limit: the ₹200 and ₹300 spends now need a person. */
const stricter = async () => {
  const doc = (await current()).document;
  return { ...doc, rules: { ...doc.rules, auto_approve_limit: 15_000 } };
};

describe("policy backtest", () => {
  it("replays the window under the draft and lists what would flip", async () => {
    expect(submitted.map((s) => s.status)).toEqual(["approved", "approved", "approved", "pending_approval"]);
    const res = await api(org.admin.key, "POST", "/api/v1/policy/backtest", { document: await stricter(), days: 7 });
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({ object: "policy_backtest", days: 7, evaluated: 4, current_version: 0 });
    expect(r.outcomes.current).toEqual({ approve: 3, require_approval: 1, deny: 0 });
    expect(r.outcomes.draft).toEqual({ approve: 1, require_approval: 3, deny: 0 });
    expect(r.fidelity).toEqual({ recorded: 4, matching: 4 });
    expect(r.flips.by_outcome).toEqual([{ from: "approve", to: "require_approval", count: 2, amounts: { INR: 50_000 } }]);
    expect(r.inbox).toMatchObject({ current: 1, draft: 3, change: 2 });
    expect(r.agents).toEqual([{ agent_id: agent.id, agent_name: expect.stringMatching(/^agent-/), flips: 2, amounts: { INR: 50_000 } }]);
    expect(r.flipped.map((f: { intent_id: string }) => f.intent_id)).toEqual([submitted[2].id, submitted[1].id]);
    expect(r.flipped[0]).toMatchObject({ from: "approve", to: "require_approval", rule: "auto_approve_limit", currency: "INR" });
    expect(r.approximations.length).toBeGreaterThan(0);
  });

  it("is the same from the CLI, and admins only", async () => {
    const cli = await admin<any>(["policy", "backtest"], { org: org.id, policy: await stricter(), days: "30" });
    expect(cli).toMatchObject({ days: 30, evaluated: 4, flips: { total: 2 } });
    expectError(await api(org.approver.key, "POST", "/api/v1/policy/backtest", { document: await stricter(), days: 7 }), 403, "forbidden");
    expectError(await api(org.admin.key, "POST", "/api/v1/policy/backtest", { document: await stricter(), days: 14 }), 400, "validation_error");
    const bad = await api(org.admin.key, "POST", "/api/v1/policy/backtest", { document: { rules: {} }, days: 7 });
    expectError(bad, 400, "validation_error");
  });
});

describe("shadow mode", () => {
  it("records what the draft would have decided beside each live decision and lists disagreements", async () => {
    expectError(await api(org.admin.key, "GET", "/api/v1/policy/shadow"), 404, "not_found");
    const started = await api(org.admin.key, "PUT", "/api/v1/policy/shadow", { document: await stricter() });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ object: "policy_shadow", running: true, based_on_version: 0, created_by: org.admin.email, decisions: 0 });

    const agree = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 5_000 }))).body;
    const differ = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 40_000 }))).body;
    expect([agree.status, differ.status]).toEqual(["approved", "approved"]); // the live policy decides

    const report = (await api(org.admin.key, "GET", "/api/v1/policy/shadow")).body;
    expect(report).toMatchObject({ decisions: 2, disagreements_total: 1 });
    expect(report.by_outcome).toEqual([
      { live: "approve", shadow: "approve", count: 1 },
      { live: "approve", shadow: "require_approval", count: 1 },
    ]);
    expect(report.disagreements).toEqual([
      expect.objectContaining({
        intent_id: differ.id,
        agent_id: agent.id,
        amount: 40_000,
        live: { outcome: "approve", rule: "auto_approve_limit" },
        shadow: expect.objectContaining({ outcome: "require_approval", rule: "auto_approve_limit" }),
      }),
    ]);

    const stopped = await api(org.admin.key, "DELETE", "/api/v1/policy/shadow");
    expect(stopped.body).toMatchObject({ running: false, decisions: 2 });
    await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 40_000 }));
    expect((await api(org.admin.key, "GET", "/api/v1/policy/shadow")).body.decisions).toBe(2);
    expectError(await api(org.admin.key, "DELETE", "/api/v1/policy/shadow"), 404, "not_found");

    const audit = await admin<string>(["audit", "export"], { org: org.id, format: "jsonl" });
    const actions = audit
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).action);
    expect(actions).toContain("policy.shadow_started");
    expect(actions).toContain("policy.shadow_stopped");
  });

  it("is admins only", async () => {
    expectError(await api(org.approver.key, "GET", "/api/v1/policy/shadow"), 403, "forbidden");
    expectError(await api(org.viewer.key, "PUT", "/api/v1/policy/shadow", { document: await stricter() }), 403, "forbidden");
    expectError(await api(agent.key, "DELETE", "/api/v1/policy/shadow"), 403, "forbidden");
  });
});
