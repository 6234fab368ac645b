import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { smtpTestPort } from "./support/app-server";
import { admin, createAgent, createOrg, createUser, intentBody, setPolicy, type TestOrg } from "./support/factories";
import { api, expectError } from "./support/http";
import { callAction } from "./support/server-actions";
import { raw, signIn } from "./support/session";
import { startSmtpInbox } from "./support/smtp-inbox";
import { waitFor } from "./support/webhook-receiver";

// Issue 17, item 2: admins never see a password. The test server has SMTP, so links are emailed.
const PASSWORD = "correct horse battery";
let org: TestOrg;
let adminCookie: string;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
beforeAll(async () => {
  inbox = await startSmtpInbox(smtpTestPort());
  org = await createOrg();
  adminCookie = (await signIn(org.admin.email, PASSWORD)).cookie!;
});
afterAll(() => inbox.stop());

const action = async (name: string, args: unknown[], page = "/settings", cookie = adminCookie) => {
  const res = await callAction({ cookie, page, action: name, args, baseUrl: inject("baseUrl") });
  expect(res.status, res.body.slice(0, 300)).toBe(200);
  return res.result as { ok: boolean; code?: string; message?: string; data?: any };
};
const redeem = (body: object) => raw("POST", "/set-password/redeem", { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
const linkTo = async (email: string, subject: RegExp) => {
  const mail = await waitFor(() => inbox.mails.find((m) => m.to.includes(email) && subject.test(m.subject)));
  const token = /\/set-password#([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  expect(token).toBeTruthy();
  return token!;
};

describe("invitations", () => {
  it("email a single-use link; the admin sees no password and no link; the person chooses theirs", async () => {
    const email = `new-${Date.now()}@test.example`;
    const invited = await action("inviteUserAction", [{ email, name: "Nia", role: "approver" }]);
    expect(invited).toMatchObject({ ok: true, data: { email, emailed: true, link: null } });
    expect(JSON.stringify(invited)).not.toMatch(/password/i);
    const token = await linkTo(email, /invited/);
    const described = await redeem({ token });
    expect(described.status).toBe(200);
    expect(JSON.parse(described.body)).toMatchObject({ purpose: "invite", email });
    expect((await redeem({ token, password: "my own secret 1" })).status).toBe(200);
    const session = await signIn(email, "my own secret 1");
    expect(session.ok).toBe(true);
    expect((await api(null, "GET", "/api/v1/approvals", undefined, { Cookie: session.cookie! })).status).toBe(200);
    // Single use: the link opens nothing a second time.
    const again = await redeem({ token, password: "someone else 22" });
    expect(again.status).toBe(404);
    expect(JSON.parse(again.body).error.message).toContain("no longer valid");
  });

  it("an email of another organisation answers like any new one, sends nothing, and its link opens nothing", async () => {
    const other = await createOrg();
    const res = await action("inviteUserAction", [{ email: other.viewer.email, name: "", role: "admin" }]);
    expect(res).toMatchObject({ ok: true, data: { email: other.viewer.email, emailed: true, link: null } });
    const own = await action("inviteUserAction", [{ email: `fresh-${Date.now()}@test.example`, name: "", role: "admin" }]);
    expect(Object.keys(res.data).sort()).toEqual(Object.keys(own.data).sort());
    // The fresh invitation's mail arrives; none went to the other organisation's person.
    await linkTo(own.data.email, /invited/);
    expect(inbox.mails.filter((m) => m.to.includes(other.viewer.email))).toEqual([]);
    // Someone of this organisation is a plain conflict (nothing to hide there).
    expect(await action("inviteUserAction", [{ email: org.viewer.email, name: "", role: "viewer" }])).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("password resets", () => {
  it("email a link; the old password works until it is used; then only the new one, and every session ended", async () => {
    const user = await createUser(org.id, "viewer");
    const before = (await signIn(user.email, PASSWORD)).cookie!;
    const res = await action("resetPasswordAction", [user.id]);
    expect(res).toMatchObject({ ok: true, data: { email: user.email, emailed: true, link: null } });
    expect((await signIn(user.email, PASSWORD)).ok).toBe(true);
    const token = await linkTo(user.email, /Reset/);
    expect((await redeem({ token, password: "chosen by me 77" })).status).toBe(200);
    expect((await signIn(user.email, PASSWORD)).ok).toBe(false);
    expect((await signIn(user.email, "chosen by me 77")).ok).toBe(true);
    expect((await raw("GET", "/intents", { headers: { Cookie: before } })).status).toBe(307);
  });

  it("someone whose password was reset by admin X cannot give the second approval of what X approved (24 hours)", async () => {
    const o = await createOrg();
    // Dual approval from ₹15,000, admins only above ₹5,00,000: two approvers' keys can answer ₹20,000.
    await setPolicy(o.id, (doc) => {
      doc.approvals.dual_approval_threshold = 1_500_000;
      doc.approvals.admin_threshold = 50_000_000;
    });
    const cookie = (await signIn(o.admin.email, PASSWORD)).cookie!;
    expect(await action("resetPasswordAction", [o.approver.id], "/settings", cookie)).toMatchObject({ ok: true });
    expect((await redeem({ token: await linkTo(o.approver.email, /Reset/), password: "set through X's link" })).status).toBe(200);

    const agent = await createAgent(o.id);
    const intent = (await api(agent.key, "POST", "/api/v1/intents", intentBody({ amount: 2_000_000 }))).body;
    expect(intent.status).toBe("pending_approval");
    expect((await api(o.admin.key, "POST", `/api/v1/approvals/${intent.id}`, { decision: "approve" })).body).toMatchObject({ status: "pending" });
    const refused = expectError(await api(o.approver.key, "POST", `/api/v1/approvals/${intent.id}`, { decision: "approve" }), 403, "forbidden");
    expect(refused.message).toContain("24 hours");
    // Someone X did not reset may.
    expect((await api(o.approver2.key, "POST", `/api/v1/approvals/${intent.id}`, { decision: "approve" })).body).toMatchObject({ status: "approved" });
  });
});

describe("a password someone else set", () => {
  it("must be changed at the first sign-in: until then the session opens only /new-password", async () => {
    const email = `cli-${Date.now()}@test.example`;
    await admin(["user", "create"], { org: org.id, email, role: "approver", password: "chosen by the operator" });
    const session = (await signIn(email, "chosen by the operator")).cookie!;
    const page = await raw("GET", "/inbox", { headers: { Cookie: session } });
    expect(page.status).toBe(307);
    expect(page.headers.location).toContain("/new-password");
    expectError(await api(null, "GET", "/api/v1/approvals", undefined, { Cookie: session }), 401, "unauthenticated");
    // Other actions refuse it; its own step's action works.
    expect((await callAction({ cookie: session, page: "/settings", action: "setTimeZoneAction", args: ["UTC"], baseUrl: inject("baseUrl") })).status).toBe(401);
    const changed = await action("changeOwnPasswordAction", [{ current: "chosen by the operator", next: "only I know this" }], "/new-password", session);
    expect(changed).toMatchObject({ ok: true });
    const fresh = (await signIn(email, "only I know this")).cookie!;
    expect((await api(null, "GET", "/api/v1/approvals", undefined, { Cookie: fresh })).status).toBe(200);
  });

  it("people change their own password with the current one", async () => {
    const user = await createUser(org.id, "viewer");
    const cookie = (await signIn(user.email, PASSWORD)).cookie!;
    expect(await action("changeOwnPasswordAction", [{ current: "wrong", next: "a new one here" }], "/account", cookie)).toMatchObject({
      ok: false,
      code: "validation_error",
    });
    expect(await action("changeOwnPasswordAction", [{ current: PASSWORD, next: "a new one here" }], "/account", cookie)).toMatchObject({ ok: true });
    expect((await signIn(user.email, "a new one here")).ok).toBe(true);
  });
});

describe("server actions", () => {
  it("without a session are refused before their body is read (an unreadable body is still a 401, not a 400)", async () => {
    const res = await raw("POST", "/settings", {
      body: "{not json at all",
      headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8", Origin: inject("baseUrl") },
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe("unauthenticated");
    const signedIn = await raw("POST", "/settings", {
      body: "{not json at all",
      headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8", Origin: inject("baseUrl"), Cookie: adminCookie },
    });
    expect(signedIn.status).toBe(400);
  });
});
