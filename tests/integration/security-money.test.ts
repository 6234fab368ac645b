import { beforeAll, describe, expect, inject, it } from "vitest";
import { api, expectError } from "./support/http";
import { admin, createAgent, createOrg, intentBody, type TestOrg } from "./support/factories";
import { callAction } from "./support/server-actions";
import { raw, signIn } from "./support/session";

const MAX = Number.MAX_SAFE_INTEGER;
let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

// Issue 9, finding 10: balances stay within Number.MAX_SAFE_INTEGER minor units.
describe("money beyond 2^53", () => {
  it("funding that would take a balance past MAX_SAFE_INTEGER is a 400 and moves nothing", async () => {
    const agent = await createAgent(org.id, MAX - 100);
    await expect(admin(["wallet", "fund"], { agent: agent.id, amount: 101 })).rejects.toThrow(/400.*validation_error/);
    const after = (await api(org.admin.key, "GET", `/api/v1/agents/${agent.id}`)).body;
    expect(after.wallet).toMatchObject({ balance: MAX - 100, held: 0 });
    await admin(["wallet", "fund"], { agent: agent.id, amount: 100 });
    expect((await api(org.admin.key, "GET", `/api/v1/agents/${agent.id}`)).body.wallet.balance).toBe(MAX);
  });

  it("amounts past MAX_SAFE_INTEGER are refused at the API", async () => {
    expectError(await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: MAX + 1 })), 400, "validation_error");
    expectError(await api(org.agent.key, "POST", "/api/v1/intents", '{"amount":1e400,"currency":"INR","reason":"x"}'), 400);
  });
});

// Issue 9, finding 11: nobody approves what was submitted with a key they created.
describe("separation of duties", () => {
  it("the admin who created an agent key cannot approve its intents; another person can, and the audit log shows who acted alone", async () => {
    const cookie = (await signIn(org.admin.email, "correct horse battery")).cookie!;
    // Create a key from the dashboard as this admin (a server action), then submit with it.
    const agent = await createAgent(org.id);
    const createdKey = await createKeyAs(cookie, agent.id);
    const intent = (await api(createdKey, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    expect(intent.status).toBe("pending_approval");

    const own = await api(org.admin.key, "POST", `/api/v1/approvals/${intent.approval.id}`, { decision: "approve" });
    expect(expectError(own, 403, "forbidden").message).toMatch(/key you created/);
    const inbox = (await api(org.admin.key, "GET", "/api/v1/approvals")).body.data.map((a: { id: string }) => a.id);
    expect(inbox).not.toContain(intent.approval.id);

    const other = await api(org.approver.key, "POST", `/api/v1/approvals/${intent.approval.id}`, { decision: "approve" });
    expect(other.status).toBe(200);
    expect(other.body.status).toBe("approved");
  });

  it("a user key's own submissions cannot be approved by that user", async () => {
    const intent = (await api(org.admin.key, "POST", "/api/v1/intents", intentBody({ agent_id: org.agent.id, amount: 2_000_000 }))).body;
    expectError(await api(org.admin.key, "POST", `/api/v1/approvals/${intent.approval.id}`, { decision: "approve" }), 403, "forbidden");
  });

  it("an admin approving alone is marked so in the audit log", async () => {
    const intent = (await api(org.agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    expect((await api(org.admin.key, "POST", `/api/v1/approvals/${intent.approval.id}`, { decision: "approve" })).status).toBe(200);
    const cookie = (await signIn(org.admin.email, "correct horse battery")).cookie!;
    const csv = await raw("GET", `/audit/export?action=approval.answered&target=${intent.approval.id}`, { headers: { Cookie: cookie } });
    expect(csv.body).toMatch(/acting_alone[^\n]*true/);
  });
});

/** The agent page's "create key" server action, driven the way the browser drives it. */
async function createKeyAs(cookie: string, agentId: string): Promise<string> {
  const res = await callAction({
    cookie,
    page: `/agents/${agentId}`,
    action: "createAgentKeyAction",
    args: [agentId, "made by an admin"],
    baseUrl: inject("baseUrl"),
  });
  const result = res.result as { ok: boolean; data: { key: string } };
  expect(result.ok).toBe(true);
  return result.data.key;
}
