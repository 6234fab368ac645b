import { expect, test } from "@playwright/test";
import { bearer, credentials, statePath, userKey } from "./support/demo";

test.use({ storageState: statePath("admin") });

const inr = (paise: number) => new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR" }).format(paise / 100);

test("agent detail shows the wallet balance the API reports, and funding moves it", async ({ page, request }) => {
  const agent = credentials().agent_keys[0];
  const api = async () => (await (await request.get(`/api/v1/agents/${agent.agent_id}`, { headers: bearer(userKey("admin")) })).json()).wallet;
  const before = await api();
  await page.goto(`/agents/${agent.agent_id}`);
  await expect(page.getByRole("heading", { name: agent.agent_name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("wallet-available")).toHaveText(inr(before.available));
  await expect(page.getByRole("img", { name: /Spend per day over the last 30 days/ })).toBeVisible();

  await page.getByRole("button", { name: "Fund wallet" }).click();
  await page.getByLabel("Amount in INR").fill("1,000");
  await page.getByRole("button", { name: "Add funds" }).click();
  await expect(page.getByTestId("wallet-available")).toHaveText(inr(before.available + 100_000));
  expect((await api()).available).toBe(before.available + 100_000);
});

test("admin creates an agent key that works once shown, then revokes it", async ({ page, request }) => {
  const agent = credentials().agent_keys[1];
  await page.goto(`/agents/${agent.agent_id}`);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^aegis_sk_/);
  expect((await request.get(`/api/v1/agents/${agent.agent_id}`, { headers: bearer(key) })).status()).toBe(200);
  await page.getByRole("button", { name: "Done" }).click();
  // The new key's own line (by the prefix it shows), not the first Revoke: until the list
  // refreshes, the first line is the demo's key, which later specs submit with.
  const line = page.getByRole("listitem").filter({ hasText: `${key.slice(0, "aegis_sk_".length + 6)}…` });
  page.once("dialog", (d) => d.accept());
  await line.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("toast-success")).toContainText("Key revoked");
  await expect(line.getByText("Revoked")).toBeVisible();
  expect((await request.get(`/api/v1/agents/${agent.agent_id}`, { headers: bearer(key) })).status()).toBe(401);
  expect((await request.get(`/api/v1/agents/${agent.agent_id}`, { headers: bearer(agent.key) })).status()).toBe(200);
});

test("policy editor reports validation problems per field", async ({ page }) => {
  await page.goto("/policies");
  const editor = page.getByLabel(/Policy document/);
  const doc = JSON.parse(await editor.inputValue());
  doc.rules.hard_limit = -5;
  await editor.fill(JSON.stringify(doc, null, 2)); // waits until hydrated (editable)
  await expect(editor).toHaveValue(JSON.stringify(doc, null, 2));
  await page.getByRole("textbox", { name: "Reason for this change", exact: true }).fill("E2E: a broken document");
  await page.getByRole("button", { name: "Propose from JSON" }).click();
  await expect(page.locator("#policy-errors")).toContainText("rules.hard_limit");
});

test("audit log exports CSV with a header and event lines", async ({ page }) => {
  await page.goto("/audit");
  await expect(page.getByRole("table", { name: "Audit events" })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^aegis-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toBe("time_utc,action,actor_type,actor,target_type,target_id,amount,currency,details");
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.some((l) => /^\d{4}-\d{2}-\d{2}T[^,]+,intent\.\w+,/.test(l))).toBe(true);
});

test("the CSV export requires a session", async ({ browser }) => {
  const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const res = await anon.request.get("/audit/export", { maxRedirects: 0 });
  expect([302, 307, 401]).toContain(res.status());
  await anon.close();
});
