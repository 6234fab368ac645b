import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/**
 * Fresh data per test through the app's own admin channel (the same one the CLI uses
 * while a server runs): every test gets its own organisation, so tests never see each
 * other's intents, approvals or budgets.
 */
/** Which app the factories talk to: the suite's server unless a test started its own. */
export type AppTarget = { baseUrl: string; dataDir: string };
const suiteApp = (): AppTarget => ({ baseUrl: inject("baseUrl"), dataDir: inject("dataDir") });

export async function admin<T = any>(
  command: string[],
  args: Record<string, string | number | boolean | object> = {},
  app: AppTarget = suiteApp(),
): Promise<T> {
  const token = fs.readFileSync(path.join(app.dataDir, "admin-token"), "utf8").trim();
  const res = await fetch(`${app.baseUrl}/api/internal/admin`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ command, args }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`admin ${command.join(" ")} failed: ${res.status} ${JSON.stringify(body)}`);
  return body as T;
}

export type TestUser = { id: string; email: string; key: string };
export type TestAgent = { id: string; key: string };
export type TestOrg = {
  id: string;
  admin: TestUser;
  approver: TestUser;
  approver2: TestUser;
  viewer: TestUser;
  agent: TestAgent;
};

const tag = () => crypto.randomBytes(4).toString("hex");

export async function createUser(orgId: string, role: "admin" | "approver" | "viewer", app: AppTarget = suiteApp()): Promise<TestUser> {
  const email = `${role}-${tag()}@test.example`;
  const user = await admin<{ id: string }>(["user", "create"], { org: orgId, email, role, password: "correct horse battery", "no-forced-change": true }, app);
  const key = await admin<{ key: string }>(["key", "create"], { user: email }, app);
  return { id: user.id, email, key: key.key };
}

/** Without a currency the wallet opens in the organisation's. */
export async function createAgent(orgId: string, balance = 10_000_000, currency?: string, app: AppTarget = suiteApp()): Promise<TestAgent> {
  const agent = await admin<{ id: string }>(["agent", "create"], { org: orgId, name: `agent-${tag()}`, balance, ...(currency ? { currency } : {}) }, app);
  const key = await admin<{ key: string }>(["key", "create"], { agent: agent.id }, app);
  return { id: agent.id, key: key.key };
}

/** An organisation on the default policy with one of each role and one funded agent (₹1,00,000); INR unless told. */
export async function createOrg(opts: { timeZone?: string; currency?: string; app?: AppTarget } = {}): Promise<TestOrg> {
  const app = opts.app ?? suiteApp();
  const org = await admin<{ id: string }>(
    ["org", "create"],
    { name: `Test Org ${tag()}`, currency: opts.currency ?? "INR", ...(opts.timeZone ? { "time-zone": opts.timeZone } : {}) },
    app,
  );
  const [adminUser, approver, approver2, viewer, agent] = await Promise.all([
    createUser(org.id, "admin", app),
    createUser(org.id, "approver", app),
    createUser(org.id, "approver", app),
    createUser(org.id, "viewer", app),
    createAgent(org.id, undefined, undefined, app),
  ]);
  return { id: org.id, admin: adminUser, approver, approver2, viewer, agent };
}

export async function setPolicy(orgId: string, mutate: (doc: any) => void) {
  const doc = await admin(["policy", "show"], { org: orgId });
  mutate(doc);
  return admin(["policy", "set"], { org: orgId, policy: doc, reason: "Test set-up" });
}

export const intentBody = (overrides: Record<string, unknown> = {}) => ({
  amount: 12_500,
  currency: "INR",
  reason: "Monthly SaaS subscription renewal",
  confidence: 0.97,
  merchant: "Notion",
  merchant_category: "saas",
  metadata: { invoice_id: "INV-2026-0341" },
  ...overrides,
});
