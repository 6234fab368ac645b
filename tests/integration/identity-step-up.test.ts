import { generate } from "otplib";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { admin, createAgent, createOrg, createUser, intentBody, setPolicy, type TestOrg } from "./support/factories";
import { api, expectError } from "./support/http";
import { callTool, mcpClient } from "./support/mcp";
import { callAction } from "./support/server-actions";
import { signIn } from "./support/session";

// Issue 17, item 3: approving above the step-up threshold (default: the admin threshold, ₹50,000)
// needs a second factor checked in the last five minutes, in a browser session.
const PASSWORD = "correct horse battery";
let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

/** An intent above the admin threshold, waiting for an admin. */
async function large(amount = 6_000_000) {
  const agent = await createAgent(org.id, 20_000_000);
  await setPolicy(org.id, (doc) => (doc.agent_overrides[agent.id] = { daily_budget: null }));
  const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount }))).body;
  expect(intent.status).toBe("pending_approval");
  return intent;
}
const action = async (cookie: string, page: string, name: string, args: unknown[]) => {
  const res = await callAction({ cookie, page, action: name, args, baseUrl: inject("baseUrl") });
  expect(res.status, res.body.slice(0, 300)).toBe(200);
  return res.result as { ok: boolean; code?: string; message?: string; data?: any };
};
const approveWithSession = (cookie: string, id: string) => api(null, "POST", `/api/v1/approvals/${id}`, { decision: "approve" }, { Cookie: cookie });

describe("approving a large amount", () => {
  it("with a user key is a 403 step_up_required that says where to answer; rejecting needs nothing", async () => {
    const intent = await large();
    const err = expectError(await api(org.admin.key, "POST", `/api/v1/approvals/${intent.id}`, { decision: "approve" }), 403, "step_up_required");
    expect(err.message).toContain("dashboard");
    expect((await api(org.admin.key, "GET", `/api/v1/intents/${intent.id}`)).body.status).toBe("pending_approval");
    expect((await api(org.admin.key, "POST", `/api/v1/approvals/${intent.id}`, { decision: "reject" })).body).toMatchObject({ status: "rejected" });
  });

  it("through MCP with a user key is refused the same way", async () => {
    const intent = await large();
    const client = await mcpClient(org.admin.key);
    const res = await callTool(client, "respond_to_approval", { id: intent.approval.id, decision: "approve" });
    expect(res.isError).toBe(true);
    expect(res.body).toMatchObject({ error: { code: "step_up_required", status: 403 } });
    await client.close();
  });

  it("below the organisation's own threshold a key approves; the threshold is the admin's to set", async () => {
    const o = await createOrg();
    await admin(["org", "sign-in-rules"], { org: o.id, "step-up-threshold": 10_000_000 });
    const agent = await createAgent(o.id, 20_000_000);
    await setPolicy(o.id, (doc) => (doc.agent_overrides[agent.id] = { daily_budget: null }));
    const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 6_000_000 }))).body;
    expect((await api(o.admin.key, "POST", `/api/v1/approvals/${intent.id}`, { decision: "approve" })).body).toMatchObject({ status: "approved" });
  });

  it("in a session: needs a fresh TOTP or passkey check; a recovery code opens sign-in but never a step-up", async () => {
    const person = await createUser(org.id, "admin");
    const cookie = (await signIn(person.email, PASSWORD)).cookie!;
    const first = await large();
    // No second factor at all: told to set one up.
    expect(expectError(await approveWithSession(cookie, first.id), 403, "step_up_required").message).toContain("set up");

    const started = await action(cookie, "/account", "startTotpAction", []);
    expect(started.ok).toBe(true);
    const secret = started.data.secret as string;
    const confirmed = await action(cookie, "/account", "confirmTotpAction", [await generate({ secret })]);
    expect(confirmed).toMatchObject({ ok: true });
    const recoveryCodes = confirmed.data.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    // Setting it up proved it: this session approves now.
    expect((await approveWithSession(cookie, first.id)).body).toMatchObject({ status: "approved" });

    // A new sign-in must prove the factor before anything opens.
    const next = (await signIn(person.email, PASSWORD)).cookie!;
    expectError(await api(null, "GET", "/api/v1/approvals", undefined, { Cookie: next }), 401, "unauthenticated");
    expect(await action(next, "/verify", "proveSignInFactorAction", [{ method: "recovery_code", code: "wrong-codes" }])).toMatchObject({ ok: false });
    expect(await action(next, "/verify", "proveSignInFactorAction", [{ method: "recovery_code", code: recoveryCodes[0] }])).toMatchObject({ ok: true });
    expect((await api(null, "GET", "/api/v1/approvals", undefined, { Cookie: next })).status).toBe(200);
    // A used recovery code is gone.
    const third = (await signIn(person.email, PASSWORD)).cookie!;
    expect(await action(third, "/verify", "proveSignInFactorAction", [{ method: "recovery_code", code: recoveryCodes[0] }])).toMatchObject({ ok: false });

    const second = await large();
    expectError(await approveWithSession(next, second.id), 403, "step_up_required");
    // The code of the next 30-second step (the current one was used at setup: a replay is refused).
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect(await action(next, "/inbox", "proveStepUpAction", [{ method: "totp", code }])).toMatchObject({ ok: true });
    expect(await action(next, "/inbox", "proveStepUpAction", [{ method: "totp", code }])).toMatchObject({ ok: false });
    expect((await approveWithSession(next, second.id)).body).toMatchObject({ status: "approved" });
  });

  it("an organisation can require a second factor of every admin and approver: without one, the session opens only /enroll", async () => {
    const o = await createOrg();
    await admin(["org", "sign-in-rules"], { org: o.id, "require-second-factor": "on" });
    const cookie = (await signIn(o.approver.email, PASSWORD)).cookie!;
    expectError(await api(null, "GET", "/api/v1/approvals", undefined, { Cookie: cookie }), 401, "unauthenticated");
    const started = await action(cookie, "/enroll", "startTotpAction", []);
    expect(started.ok).toBe(true);
    expect(await action(cookie, "/enroll", "confirmTotpAction", [await generate({ secret: started.data.secret })])).toMatchObject({ ok: true });
    expect((await api(null, "GET", "/api/v1/approvals", undefined, { Cookie: cookie })).status).toBe(200);
    // Viewers are not asked.
    const viewer = (await signIn(o.viewer.email, PASSWORD)).cookie!;
    expect((await api(null, "GET", "/api/v1/intents", undefined, { Cookie: viewer })).status).toBe(200);
  });

  it("a session that has not proved its factor cannot set up a new one to get round it", async () => {
    const person = await createUser(org.id, "approver");
    const cookie = (await signIn(person.email, PASSWORD)).cookie!;
    const started = await action(cookie, "/account", "startTotpAction", []);
    await action(cookie, "/account", "confirmTotpAction", [await generate({ secret: started.data.secret })]);
    const stranger = (await signIn(person.email, PASSWORD)).cookie!; // knows the password, not the factor
    expect(
      (await callAction({ cookie: stranger, page: "/account", action: "passkeyRegistrationOptionsAction", args: [], baseUrl: inject("baseUrl") })).status,
    ).toBe(401);
    // Posted to the one page it may open, the action is not there to run (and would refuse the step if it were: `gates`).
    const atVerify = await callAction({ cookie: stranger, page: "/verify", action: "passkeyRegistrationOptionsAction", args: [], baseUrl: inject("baseUrl") });
    expect((atVerify.result as { ok?: boolean } | undefined)?.ok).not.toBe(true);
  });
});
