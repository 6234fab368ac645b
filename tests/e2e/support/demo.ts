import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export type Role = "admin" | "approver" | "approver2" | "viewer";
type Credentials = {
  base_url: string;
  organisation: { id: string; name: string };
  users: { email: string; password: string; role: string }[];
  agent_keys: { agent_id: string; agent_name: string; key: string }[];
  user_keys: { email: string; role: string; key: string }[];
};

const dataDir = () => process.env.AEGIS_E2E_DIR ?? path.join(process.cwd(), ".data", "e2e");

/** The demo seed's credentials file in this run's fresh data folder. */
export function credentials(): Credentials {
  return JSON.parse(fs.readFileSync(path.join(dataDir(), "demo-credentials.json"), "utf8"));
}

export const emailOf = (role: Role) => `${role}@acme.test`;
export const userOf = (role: Role) => credentials().users.find((u) => u.email === emailOf(role))!;
export const userKey = (role: Role) => credentials().user_keys.find((k) => k.email === emailOf(role))!.key;
export const statePath = (role: Role) => path.join(process.cwd(), "tests", "artifacts", ".auth", `${role}.json`);

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** Submits a ₹20,000 intent (above auto-approve, below the admin threshold) that waits for a person. */
export async function submitPendingIntent(request: APIRequestContext, merchant: string) {
  for (const agent of credentials().agent_keys) {
    const res = await request.post("/api/v1/intents", {
      headers: bearer(agent.key),
      data: { amount: 2_000_000, currency: "INR", reason: `E2E: annual plan for ${merchant}`, confidence: 0.92, merchant, merchant_category: "saas" },
    });
    expect(res.status()).toBe(201);
    const intent = await res.json();
    if (intent.status === "pending_approval") return { intent, agent };
  }
  throw new Error("No demo agent could submit an intent that needs approval");
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await fillSignIn(page, email, password);
}

/** Fills the sign-in form already on screen (e.g. after a redirect that carries callbackUrl). */
export async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** An approval's line in the inbox list (its answer buttons and tick are on it). */
export const card = (page: Page, intentId: string) => page.locator(`[data-testid="approval-row"][data-intent-id="${intentId}"]`);

/** Selects an approval's line and returns its details (the side panel, or under the line on a phone). */
export async function openCard(page: Page, intentId: string) {
  await card(page, intentId).getByRole("button").first().click();
  return page.locator(`[data-testid="approval-card"][data-intent-id="${intentId}"]`);
}

/** Fills the reason a rejection asks for and confirms it. */
export async function giveRejectReason(page: Page, reason: string) {
  const dialog = page.getByRole("dialog", { name: /^Reject/ });
  await dialog.getByLabel("Reason for the rejection").fill(reason);
  await dialog.getByRole("button", { name: /^Reject/ }).click();
}

/**
 * Submits an intent of `amount` paise through a demo agent whose policy sends it to a person:
 * the last agents first, so the first one's daily budget stays free for the specs that use it.
 */
export async function submitForApproval(request: APIRequestContext, merchant: string, amount: number, agentIndex?: number) {
  const agents = agentIndex === undefined ? [...credentials().agent_keys].reverse() : [credentials().agent_keys[agentIndex]];
  for (const agent of agents) {
    const res = await request.post("/api/v1/intents", {
      headers: bearer(agent.key),
      data: { amount, currency: "INR", reason: `E2E: ${merchant}`, confidence: 0.92, merchant, merchant_category: "saas" },
    });
    expect(res.status()).toBe(201);
    const intent = await res.json();
    if (intent.status === "pending_approval") return { intent, agent };
  }
  throw new Error(`No demo agent could submit ${amount} paise that needs approval`);
}

/** The intent as the API (an admin's user key) sees it now. */
export async function intentStatus(request: APIRequestContext, id: string): Promise<string> {
  return (await (await request.get(`/api/v1/intents/${id}`, { headers: bearer(userKey("admin")) })).json()).status;
}

/** The demo's second admin (four eyes on policy): approves what the admin proposes. */
export const controllerKey = () => credentials().user_keys.find((k) => k.email === "controller@acme.test")!.key;

/**
 * Makes a policy document live in the demo organisation, which has two admins: the admin
 * proposes it (202) and the controller approves it, as four eyes require.
 */
export async function applyDemoPolicy(request: APIRequestContext, document: object, baseVersion: number, reason: string) {
  const put = await request.put("/api/v1/policy", { headers: bearer(userKey("admin")), data: { base_version: baseVersion, document, reason } });
  expect(put.status(), await put.text()).toBe(202);
  const { id } = await put.json();
  const ok = await request.post(`/api/v1/policy/proposals/${id}/approve`, { headers: bearer(controllerKey()) });
  expect(ok.status(), await ok.text()).toBe(200);
  return ok.json();
}
