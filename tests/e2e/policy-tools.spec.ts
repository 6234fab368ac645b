import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { applyDemoPolicy, bearer, credentials, statePath, userKey } from "./support/demo";

test.use({ storageState: statePath("admin") });

const SHOTS = path.join(process.cwd(), "tests", "artifacts", "screenshots");
const admin = () => bearer(userKey("admin"));
const getPolicy = async (request: APIRequestContext) => (await request.get("/api/v1/policy", { headers: admin() })).json();

// These tests change the demo's policy; put the original back for the specs after them.
let original: { version: number; document: object };
test.beforeAll(async ({ request }) => {
  original = await getPolicy(request);
});
test.afterAll(async ({ request }) => {
  await request.delete("/api/v1/policy/shadow", { headers: admin() });
  const now = await getPolicy(request);
  if (now.version !== original.version) await applyDemoPolicy(request, original.document, now.version, "E2E: put the demo's policy back");
});

test("a stale policy proposal is refused and the editor offers a reload; versions show the diff", async ({ page, request }) => {
  await page.goto("/policies");
  const editor = page.getByLabel(/Policy document/);
  const loaded = JSON.parse(await editor.inputValue());
  delete loaded.base_version;

  // Meanwhile another change goes live (proposed and approved by the two admins).
  const live = await getPolicy(request);
  await applyDemoPolicy(
    request,
    { ...live.document, rules: { ...live.document.rules, auto_approve_limit: 123_400 } },
    live.version,
    "E2E: someone else's change",
  );

  // This tab still edits the old version: its proposal is refused, not silently undoing theirs.
  loaded.rules.hard_limit = 9_900_000;
  await editor.fill(JSON.stringify(loaded, null, 2));
  await page.getByRole("textbox", { name: "Reason for this change", exact: true }).fill("E2E: a stale edit");
  await page.getByRole("button", { name: "Propose from JSON" }).click();
  await expect(page.locator("#policy-errors")).toContainText("The policy changed since you loaded it");
  await page.screenshot({ path: path.join(SHOTS, "policy-stale-save.png"), fullPage: true });
  await page.getByRole("button", { name: /Reload the current version/ }).click();
  await expect(editor).toHaveValue(/"auto_approve_limit": 123400/);
  expect((await getPolicy(request)).document.rules.hard_limit).not.toBe(9_900_000);

  await page.getByRole("link", { name: "Version history" }).click();
  await expect(page.getByRole("heading", { name: "Policy versions", level: 1 })).toBeVisible();
  await expect(page.getByRole("list", { name: /Changes in version/ }).first()).toContainText("rules.auto_approve_limit:");
  await expect(page.getByRole("list", { name: /Changes in version/ }).first()).toContainText("→ 123400");
  await page.screenshot({ path: path.join(SHOTS, "policy-versions.png"), fullPage: true });
});

test("backtest a draft over the demo's history before saving", async ({ page }) => {
  await page.goto("/policies");
  const editor = page.getByLabel(/Policy document/);
  const doc = JSON.parse(await editor.inputValue());
  doc.rules.auto_approve_limit = 0; // everything would need a person
  await editor.fill(JSON.stringify(doc, null, 2));
  await page.getByLabel("Backtest window").selectOption("90");
  await page.getByRole("button", { name: "Backtest" }).click();
  const results = page.getByRole("region", { name: /Backtest: last 90 days/ });
  await expect(results).toBeVisible();
  await expect(page.getByRole("table", { name: "Flips by outcome" })).toContainText("Needs a person");
  await expect(page.getByRole("table", { name: "Flipped intents" }).getByRole("link").first()).toHaveAttribute("href", /^\/intents\/int_/);
  await page.screenshot({ path: path.join(SHOTS, "policy-backtest.png"), fullPage: true });
});

test("run a draft in shadow and see where it disagrees with live decisions", async ({ page, request }) => {
  await page.goto("/policies");
  const editor = page.getByLabel(/Policy document/);
  const doc = JSON.parse(await editor.inputValue());
  doc.rules.auto_approve_limit = 0;
  await editor.fill(JSON.stringify(doc, null, 2));
  await page.getByRole("button", { name: "Run in shadow" }).click();
  await expect(page).toHaveURL(/\/policies\/shadow$/);
  await expect(page.getByRole("heading", { name: "Running" })).toBeVisible();

  // A small spend the live policy approves; the draft would send it to a person.
  let approvedId = "";
  for (const agent of credentials().agent_keys) {
    const res = await request.post("/api/v1/intents", {
      headers: bearer(agent.key),
      data: { amount: 1_000, currency: "INR", reason: "E2E: shadow check", confidence: 0.99, merchant: "Notion", merchant_category: "saas" },
    });
    const intent = await res.json();
    if (intent.status === "approved") {
      approvedId = intent.id;
      break;
    }
  }
  expect(approvedId).not.toBe("");
  await page.reload();
  const row = page.getByRole("table", { name: "Disagreements" }).getByRole("row", { name: new RegExp(approvedId) });
  await expect(row).toContainText("Approve");
  await expect(row).toContainText("Needs approval");
  await page.screenshot({ path: path.join(SHOTS, "policy-shadow.png"), fullPage: true });
  await page.getByRole("button", { name: "Stop shadow" }).click();
  await expect(page.getByRole("heading", { name: "Stopped" })).toBeVisible();
});

test("the audit chain page checks the chain in the background and shows the stored result", async ({ page }) => {
  await page.goto("/audit");
  await page.getByRole("link", { name: "Verify chain" }).click();
  await expect(page.getByRole("heading", { name: "Audit chain", level: 1 })).toBeVisible();
  // The first view requests a check when none ran yet; either way a finished one shows up by itself.
  const intact = page.getByRole("heading", { name: "The chain is intact" });
  await expect(intact).toBeVisible({ timeout: 30_000 });
  const checkedAt = page.getByText(/^Checked .+ \(took [\d.]+ s\), requested by /);
  await expect(checkedAt).toBeVisible();
  const before = await checkedAt.locator("time").getAttribute("datetime");
  await expect(page.getByText("Events checked")).toBeVisible();

  await page.getByRole("button", { name: "Check again" }).click();
  // The page refreshes itself while the check is open ("Checking the chain…", button disabled);
  // on the demo's few hundred events the job may finish before that render, so the test waits for
  // the outcome: the new check's result replaces the old one, and the button comes back.
  await expect(checkedAt.locator("time")).not.toHaveAttribute("datetime", before!, { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "Checking the chain…" })).toBeHidden();
  await expect(intact).toBeVisible();
  await expect(page.getByRole("button", { name: "Check again" })).toBeEnabled();
  await page.screenshot({ path: path.join(SHOTS, "audit-chain.png"), fullPage: true });
});
