import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "./support/http";
import { createOrg, intentBody, type TestOrg } from "./support/factories";

let a: TestOrg;
let b: TestOrg;
let intentA: any;
beforeAll(async () => {
  [a, b] = await Promise.all([createOrg(), createOrg()]);
  intentA = (await api(a.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
  expect(intentA.status).toBe("pending_approval");
});

describe("organisation B cannot see or touch organisation A", () => {
  it("B gets 404 for A's intents, approvals and agents, with user and agent keys", async () => {
    for (const key of [b.admin.key, b.agent.key]) {
      expectError(await api(key, "GET", `/api/v1/intents/${intentA.id}`), 404, "not_found");
      expectError(await api(key, "GET", `/api/v1/intents/${intentA.id}?wait=1`), 404, "not_found");
      expectError(await api(key, "GET", `/api/v1/agents/${a.agent.id}`), 404, "not_found");
    }
    expectError(await api(b.admin.key, "POST", `/api/v1/approvals/${intentA.approval.id}`, { decision: "approve" }), 404, "not_found");
    expectError(await api(b.admin.key, "POST", `/api/v1/approvals/${intentA.id}`, { decision: "reject" }), 404, "not_found");
    expectError(await api(b.admin.key, "POST", "/api/v1/intents", intentBody({ agent_id: a.agent.id })), 404, "not_found");
  });

  it("B's lists never include A's rows", async () => {
    const intents = (await api(b.admin.key, "GET", `/api/v1/intents?limit=100&agent_id=${a.agent.id}`)).body.data;
    expect(intents).toEqual([]);
    const approvals = (await api(b.admin.key, "GET", "/api/v1/approvals")).body.data.map((x: { id: string }) => x.id);
    expect(approvals).not.toContain(intentA.approval.id);
    const agents = (await api(b.admin.key, "GET", "/api/v1/agents?limit=100")).body.data.map((x: { id: string }) => x.id);
    expect(agents).not.toContain(a.agent.id);
  });

  it("A's rows are unchanged afterwards", async () => {
    const after = (await api(a.admin.key, "GET", `/api/v1/intents/${intentA.id}`)).body;
    expect(after).toEqual(intentA);
    const agent = (await api(a.admin.key, "GET", `/api/v1/agents/${a.agent.id}`)).body;
    expect(agent.wallet).toEqual({ currency: "INR", balance: 10_000_000, held: 2_000_000, available: 8_000_000, low_balance_threshold: null });
  });
});
