import { beforeAll, describe, expect, it } from "vitest";
import { admin, createAgent, createOrg, intentBody, type TestOrg } from "./support/factories";
import { api, expectError } from "./support/http";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

const submit = (key: string, body = {}) => api(key, "POST", "/api/v1/intents", intentBody(body));
const wallet = async (agentId: string) => (await api(org.admin.key, "GET", `/api/v1/agents/${agentId}`)).body.wallet;

describe("organisation freeze (kill switch)", () => {
  it("denies every new intent by rule frozen, blocks approvals (rejects still work), and lifts cleanly", async () => {
    const agent = await createAgent(org.id);
    const waiting = (await submit(agent.key, { amount: 2_000_000 })).body;
    const other = (await submit(agent.key, { amount: 2_500_000 })).body;
    expect(waiting.status).toBe("pending_approval");

    const frozen = await api(org.admin.key, "POST", "/api/v1/organization/freeze", { reason: "Card leak suspected" });
    expect(frozen.status).toBe(200);
    expect(frozen.body).toMatchObject({
      object: "spending_freeze",
      scope: "organization",
      organization_id: org.id,
      frozen: true,
      frozen_by: org.admin.email,
      reason: "Card leak suspected",
    });
    // Freezing again changes nothing.
    expect((await api(org.admin.key, "POST", "/api/v1/organization/freeze")).body.frozen_at).toBe(frozen.body.frozen_at);

    const denied = (await submit(agent.key, { amount: 100 })).body;
    expect(denied).toMatchObject({ status: "denied", policy_decision: { outcome: "deny", rule: "frozen" } });
    expect(denied.policy_decision.reason).toMatch(/All spending of the organisation is frozen .*Reason: Card leak suspected\./);

    const refused = expectError(
      await api(org.approver.key, "POST", `/api/v1/approvals/${waiting.approval.id}`, { decision: "approve" }),
      409,
      "spending_frozen",
    );
    expect(refused.message).toMatch(/frozen rule/);
    expect(refused.details).toEqual([{ field: "rule", issue: "frozen" }]);
    expect((await api(org.approver.key, "GET", `/api/v1/intents/${waiting.id}`)).body.status).toBe("pending_approval");
    expect(await wallet(agent.id)).toMatchObject({ held: 4_500_000 });
    // Rejecting only releases money, so it stays possible.
    expect((await api(org.approver.key, "POST", `/api/v1/approvals/${other.id}`, { decision: "reject" })).body.status).toBe("rejected");

    const state = (await api(org.viewer.key, "GET", "/api/v1/organization/freeze")).body;
    expect(state).toMatchObject({ frozen: true, reason: "Card leak suspected", frozen_agents: [] });

    const lifted = await api(org.admin.key, "DELETE", "/api/v1/organization/freeze");
    expect(lifted.body).toMatchObject({ frozen: false, frozen_at: null, reason: null });
    expect((await api(org.approver.key, "POST", `/api/v1/approvals/${waiting.approval.id}`, { decision: "approve" })).body.status).toBe("approved");
    expect((await submit(agent.key, { amount: 100 })).body.status).toBe("approved");
  });

  it("only admins freeze or unfreeze; agent keys and other organisations cannot", async () => {
    for (const key of [org.approver.key, org.viewer.key, org.agent.key]) {
      expectError(await api(key, "POST", "/api/v1/organization/freeze", { reason: "x" }), 403, "forbidden");
      expectError(await api(key, "DELETE", "/api/v1/organization/freeze"), 403, "forbidden");
    }
    const stranger = await createOrg();
    expectError(await api(stranger.admin.key, "POST", `/api/v1/agents/${org.agent.id}/freeze`), 404, "not_found");
    expectError(await api(org.admin.key, "POST", "/api/v1/organization/freeze", { reason: "" }), 400, "validation_error");
    expectError(await api(org.admin.key, "POST", "/api/v1/organization/freeze", { why: "x" }), 400, "validation_error");
    expect((await api(org.admin.key, "GET", "/api/v1/organization/freeze")).body.frozen).toBe(false);
  });

  it("the CLI freezes and unfreezes too", async () => {
    const own = await createOrg();
    expect(await admin(["org", "freeze"], { org: own.id, reason: "Audit in progress" })).toMatchObject({
      frozen: true,
      frozen_by: "system",
      reason: "Audit in progress",
    });
    expect((await submit(own.agent.key)).body.policy_decision.rule).toBe("frozen");
    expect(await admin(["org", "unfreeze"], { org: own.id })).toMatchObject({ frozen: false });
    expect(await admin(["agent", "freeze"], { agent: own.agent.id })).toMatchObject({ scope: "agent", agent_id: own.agent.id, frozen: true });
    expect((await submit(own.agent.key)).body.policy_decision.reason).toMatch(/All spending of this agent is frozen/);
    expect(await admin(["agent", "unfreeze"], { agent: own.agent.id })).toMatchObject({ frozen: false });
    expect((await submit(own.agent.key)).body.status).toBe("approved");
  });
});

describe("agent freeze", () => {
  it("stops one agent only and shows on the agent", async () => {
    const a = await createAgent(org.id);
    const b = await createAgent(org.id);
    const res = await api(org.admin.key, "POST", `/api/v1/agents/${a.id}/freeze`, { reason: "Runaway loop" });
    expect(res.body).toMatchObject({ scope: "agent", agent_id: a.id, frozen: true, reason: "Runaway loop" });
    expect((await submit(a.key)).body.policy_decision.rule).toBe("frozen");
    expect((await submit(b.key)).body.status).toBe("approved");
    expect((await api(org.admin.key, "GET", `/api/v1/agents/${a.id}`)).body.frozen).toMatchObject({ reason: "Runaway loop", frozen_by: org.admin.email });
    expect((await api(a.key, "GET", "/api/v1/organization/freeze")).body.frozen_agents.map((f: { agent_id: string }) => f.agent_id)).toEqual([a.id]);
    await api(org.admin.key, "DELETE", `/api/v1/agents/${a.id}/freeze`);
    expect((await api(org.admin.key, "GET", `/api/v1/agents/${a.id}`)).body.frozen).toBeNull();
    expect((await submit(a.key)).body.status).toBe("approved");
  });
});
