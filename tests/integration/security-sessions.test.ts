import { beforeAll, describe, expect, it } from "vitest";
import { admin, createOrg, createUser, type TestOrg } from "./support/factories";
import { raw, signIn, signOut } from "./support/session";

// Issue 9, finding 7: a session ends for real on sign-out, a new password, a new role or deactivation.
const PASSWORD = "correct horse battery";
let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

const apiWith = (cookie: string) => raw("GET", "/api/v1/agents?limit=1", { headers: { Cookie: cookie } });
const pageWith = (cookie: string) => raw("GET", "/inbox", { headers: { Cookie: cookie } });

async function expectLive(cookie: string) {
  expect((await apiWith(cookie)).status).toBe(200);
  expect((await pageWith(cookie)).status).toBe(200);
}
async function expectDead(cookie: string) {
  expect((await apiWith(cookie)).status).toBe(401);
  const page = await pageWith(cookie);
  expect(page.status).toBe(307);
  expect(page.headers.location).toMatch(/\/sign-in\?callbackUrl=%2Finbox/);
}

describe("session versions", () => {
  it("sign-out voids a copy of the cookie taken before it", async () => {
    const user = await createUser(org.id, "approver");
    const session = await signIn(user.email, PASSWORD);
    expect(session.ok).toBe(true);
    const copied = session.cookie!;
    await expectLive(copied);
    await signOut(session.cookie!);
    await expectDead(copied);
    const again = await signIn(user.email, PASSWORD);
    await expectLive(again.cookie!);
  });

  it("a new password ends every session; the old password no longer signs in", async () => {
    const user = await createUser(org.id, "viewer");
    const session = (await signIn(user.email, PASSWORD)).cookie!;
    await expectLive(session);
    await admin(["user", "password"], { email: user.email, password: "a brand new passphrase" });
    await expectDead(session);
    expect((await signIn(user.email, PASSWORD)).ok).toBe(false);
    expect((await signIn(user.email, "a brand new passphrase")).ok).toBe(true);
  });

  it("a role change ends the session", async () => {
    const user = await createUser(org.id, "admin");
    const session = (await signIn(user.email, PASSWORD)).cookie!;
    await expectLive(session);
    await admin(["user", "role"], { email: user.email, role: "viewer" });
    await expectDead(session);
  });

  it("deactivation ends the session, refuses sign-in and the user's API key", async () => {
    const user = await createUser(org.id, "approver");
    const session = (await signIn(user.email, PASSWORD)).cookie!;
    await expectLive(session);
    await admin(["user", "deactivate"], { email: user.email });
    await expectDead(session);
    expect((await signIn(user.email, PASSWORD)).ok).toBe(false);
    expect((await raw("GET", "/api/v1/agents", { headers: { Authorization: `Bearer ${user.key}` } })).status).toBe(401);
  });

  it("every change is in the audit log", async () => {
    const user = await createUser(org.id, "viewer");
    await admin(["user", "role"], { email: user.email, role: "approver" });
    const session = (await signIn(org.admin.email, PASSWORD)).cookie!;
    const csv = await raw("GET", `/audit/export?target=${user.id}`, { headers: { Cookie: session } });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain("user.role_changed");
  });
});
