import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { api, expectError } from "./support/http";
import { createAgent, createOrg, createUser, intentBody, type TestOrg } from "./support/factories";
import { callTool, mcpClient, toolNames, type McpClient } from "./support/mcp";
import { awaitFreshWindow } from "./support/limit-window";

let org: TestOrg;
let agent: McpClient;
let approver: McpClient;
const open: McpClient[] = [];
const connect = async (key: string) => {
  const c = await mcpClient(key);
  open.push(c);
  return c;
};

beforeAll(async () => {
  org = await createOrg();
  agent = await connect(org.agent.key);
  approver = await connect(org.approver.key);
});
afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
});

const submit = (client: McpClient, args: Record<string, unknown> = {}) => callTool(client, "submit_spend_intent", { ...intentBody(), ...args });

describe("MCP server at /api/mcp: who sees which tools", () => {
  it("an agent key gets the agent tools and never an approval tool", async () => {
    expect(await toolNames(agent)).toEqual(["get_intent", "get_my_budget", "submit_spend_intent", "wait_for_decision"]);
    const tools = (await agent.listTools()).tools;
    const submitTool = tools.find((t) => t.name === "submit_spend_intent")!;
    // The advertised schema is the REST API's (same fields and limits) plus the idempotency key.
    expect(Object.keys(submitTool.inputSchema.properties ?? {}).sort()).toEqual(
      ["agent_id", "amount", "confidence", "currency", "idempotency_key", "merchant", "merchant_category", "metadata", "reason", "recurring"].sort(),
    );
    expect(submitTool.inputSchema.required).toEqual(["amount", "currency", "reason"]);
  });

  it("calling an approval tool with an agent key is 'tool not found', and nothing is answered", async () => {
    const { body: intent } = await submit(agent, { amount: 2_000_000 });
    expect(intent.status).toBe("pending_approval");
    await expect(agent.callTool({ name: "respond_to_approval", arguments: { id: intent.id, decision: "approve" } })).rejects.toThrow(
      /respond_to_approval not found/,
    );
    await expect(agent.callTool({ name: "list_pending_approvals", arguments: {} })).rejects.toThrow(/not found/);
    expect((await api(org.agent.key, "GET", `/api/v1/intents/${intent.id}`)).body.status).toBe("pending_approval");
  });

  it("approvers and admins also get the approval tools; viewers only read", async () => {
    const approvalTools = ["get_intent", "list_pending_approvals", "respond_to_approval", "submit_spend_intent", "wait_for_decision"];
    expect(await toolNames(approver)).toEqual(approvalTools);
    expect(await toolNames(await connect(org.admin.key))).toEqual(approvalTools);
    expect(await toolNames(await connect(org.viewer.key))).toEqual(["get_intent", "wait_for_decision"]);
  });
});

describe("MCP server: authentication and rate limit are the REST API's", () => {
  const rpc = (key: string | null) =>
    fetch(`${inject("baseUrl")}/api/mcp`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...(key ? { Authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
    });

  it("also serves 2025-era Streamable HTTP clients (what most desktop clients speak today)", async () => {
    const res = await fetch(`${inject("baseUrl")}/api/mcp`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", Authorization: `Bearer ${org.agent.key}` },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "it", version: "1" } },
      }),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    const message = JSON.parse(/^data: (.*)$/m.exec(text)?.[1] ?? text);
    expect(message.result).toMatchObject({ protocolVersion: "2025-06-18", serverInfo: { name: "aegis-os-comply" }, capabilities: { tools: {} } });
  });

  it("refuses a missing, malformed or revoked key with 401 and the API error body", async () => {
    for (const key of [null, "not-a-key", "aegis_sk_0000000000000000000000000000000"]) {
      const res = await rpc(key);
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body.error).toMatchObject({ code: "unauthenticated", status: 401 });
      expect(body.error.request_id).toBe(res.headers.get("x-request-id"));
    }
    await expect(mcpClient("aegis_sk_0000000000000000000000000000000")).rejects.toThrow();
  });

  it("shares the per-key limit with the REST API: 429 with Retry-After", async () => {
    const user = await createUser(org.id, "viewer");
    // The limit counts per minute-aligned window (300 in the test run): fill one that cannot turn
    // mid-test, or a slow run (CI on PostgreSQL) spreads the burst over two windows and never meets it.
    await awaitFreshWindow(45_000);
    let limited = false;
    for (let batch = 0; batch < 8 && !limited; batch++) {
      const res = await Promise.all(Array.from({ length: 50 }, () => api(user.key, "GET", "/api/v1/agents?limit=1")));
      limited = res.some((r) => r.status === 429);
    }
    expect(limited).toBe(true);
    const res = await rpc(user.key);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await res.json()).error.code).toBe("rate_limited");
  }, 150_000);
});

describe("MCP server: agent tools call the same verbs as the REST API", () => {
  it("submit_spend_intent answers the decided intent, readable over REST, with the same rules", async () => {
    const { isError, body: intent } = await submit(agent);
    expect(isError).toBe(false);
    expect(intent).toMatchObject({ object: "intent", status: "approved", amount: 12_500, agent_id: org.agent.id, merchant: "Notion", source: "mcp" });
    expect(intent.policy_decision).toMatchObject({ outcome: "approve" });
    expect((await api(org.agent.key, "GET", `/api/v1/intents/${intent.id}`)).body).toEqual(intent);
    expect((await callTool(agent, "get_intent", { intent_id: intent.id })).body).toEqual(intent);

    const denied = (await submit(agent, { amount: 20_000_000 })).body;
    expect(denied.status).toBe("denied");
    expect(denied.policy_decision.rule).toBe("hard_limit");
  });

  it("answers invalid input with the REST error body: validation_error and field details", async () => {
    const res = await callTool(agent, "submit_spend_intent", { amount: -5, currency: "IN", reason: "" });
    expect(res.isError).toBe(true);
    expect(res.body.error).toMatchObject({ code: "validation_error", status: 400 });
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["amount", "currency", "reason"]);
    expect(res.body.error.request_id).toMatch(/^req_/);
    const unknown = await callTool(agent, "submit_spend_intent", { ...intentBody(), surprise: 1 });
    expect(unknown.body.error.code).toBe("validation_error");
  });

  it("an agent key may not submit for another agent (403), and another organisation's intent is 404", async () => {
    const other = await createAgent(org.id);
    const res = await submit(agent, { agent_id: other.id });
    expect(res.body.error).toMatchObject({ code: "forbidden", status: 403 });

    const stranger = await createOrg();
    const foreign = (await api(stranger.agent.key, "POST", "/api/v1/intents", intentBody())).body;
    const seen = await callTool(agent, "get_intent", { intent_id: foreign.id });
    expect(seen.body.error).toMatchObject({ code: "not_found", status: 404 });
    const strangerApprover = await connect(stranger.approver.key);
    expect((await callTool(strangerApprover, "get_intent", { intent_id: foreign.id })).body.id).toBe(foreign.id);
  });

  it("idempotency_key makes a retried submit return the original intent; another body is a conflict", async () => {
    const key = `mcp-${Date.now()}`;
    const first = (await submit(agent, { amount: 777, idempotency_key: key })).body;
    const again = (await submit(agent, { amount: 777, idempotency_key: key })).body;
    expect(again.id).toBe(first.id);
    const clash = await submit(agent, { amount: 778, idempotency_key: key });
    expect(clash.isError).toBe(true);
    expect(clash.body.error).toMatchObject({ code: "idempotency_conflict", status: 409 });
  });

  it("get_my_budget shows the agent's wallet and budget windows as the REST API does", async () => {
    const rest = (await api(org.agent.key, "GET", `/api/v1/agents/${org.agent.id}`)).body;
    const { body } = await callTool(agent, "get_my_budget");
    expect(body).toMatchObject({ agent_id: org.agent.id, agent_name: rest.name, status: "active", wallet: rest.wallet, spend: rest.spend });
    expect(body.spend.day).toMatchObject({ limit: 5_000_000 });
    expect(Date.parse(body.spend.day.resets_at)).toBeGreaterThan(Date.now());
  });
});

describe("MCP server: waiting for a person", () => {
  it("wait_for_decision answers pending with the id to call again, then the decision once a person answers", async () => {
    const fresh = await createAgent(org.id, 20_000_000);
    const client = await connect(fresh.key);
    const intent = (await submit(client, { amount: 2_000_000 })).body;
    expect(intent.status).toBe("pending_approval");

    const t0 = Date.now();
    const early = await callTool(client, "wait_for_decision", { intent_id: intent.id, timeout_seconds: 1 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(early.body).toMatchObject({ status: "pending", intent_id: intent.id, intent: { status: "pending_approval" } });
    expect(early.body.next).toContain(intent.id);

    const pending = await callTool(approver, "list_pending_approvals");
    const item = pending.body.data.find((a: { intent_id: string }) => a.intent_id === intent.id);
    expect(item).toMatchObject({ object: "approval", status: "pending", intent: { id: intent.id } });

    const waiting = callTool(client, "wait_for_decision", { intent_id: intent.id });
    const answered = await callTool(approver, "respond_to_approval", { id: item.id, decision: "approved", comment: "via MCP" });
    expect(answered.body).toMatchObject({ status: "approved", responses: [{ decision: "approve", comment: "via MCP", user_email: org.approver.email }] });
    const decided = await waiting;
    expect(decided.body).toMatchObject({ status: "approved", intent_id: intent.id, intent: { status: "approved" } });
    expect(Date.now() - t0).toBeLessThan(30_000);

    // Exactly one answer wins: a second one is the REST API's 409.
    const late = await callTool(await connect(org.approver2.key), "respond_to_approval", { id: intent.id, decision: "reject" });
    expect(late.body.error).toMatchObject({ code: "approval_already_answered", status: 409 });
    expect((await api(org.admin.key, "GET", `/api/v1/agents/${fresh.id}`)).body.wallet).toMatchObject({ balance: 18_000_000, held: 0 });
  });

  it("an approver cannot answer an intent they submitted, as over REST", async () => {
    const own = (await submit(approver, { agent_id: org.agent.id, amount: 2_000_000 })).body;
    expect(own.status).toBe("pending_approval");
    const res = await callTool(approver, "respond_to_approval", { id: own.id, decision: "approve" });
    expect(res.body.error).toMatchObject({ code: "forbidden", status: 403 });
    const invalid = await callTool(approver, "respond_to_approval", { id: own.id, decision: "maybe" });
    expect(invalid.body.error.code).toBe("validation_error");
    expectError(await api(org.approver.key, "POST", `/api/v1/approvals/${own.id}`, { decision: "approve" }), 403, "forbidden");
  });
});
