import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { bearer, credentials, statePath, submitForApproval } from "./support/demo";

// The second month's last pieces (issue 21): saved views of the intents list, per person, and
// the spend dashboard by category and by merchant.
test.use({ storageState: statePath("admin") });

const SHOTS = path.join(process.cwd(), "tests", "artifacts", "screenshots");
fs.mkdirSync(SHOTS, { recursive: true });

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

test("a person saves the list's filters as a view, reopens it, renames and deletes it; another person never sees it", async ({ page, request, browser }) => {
  const tag = `Sv${Date.now().toString(36)}`;
  const { intent } = await submitForApproval(request, `${tag} Tooling Ltd`, 1_021_000);
  await page.goto(`/intents?q=${tag.toLowerCase()}&status=pending_approval`);
  await expect(page.getByRole("table", { name: "Intents" })).toContainText(intent.id);

  await page.getByRole("button", { name: "Save view" }).click();
  const save = page.getByRole("dialog", { name: "Save this view" });
  await save.getByLabel("Name").fill(`${tag} waiting`);
  await save.getByRole("button", { name: "Save view" }).click();
  const views = page.getByRole("list", { name: "My saved views" });
  await expect(views.getByRole("link", { name: `${tag} waiting` })).toHaveAttribute("aria-current", "page");

  // Somewhere else, then back through the chip: the URL carries the view's filters again.
  await page.goto("/intents");
  await expect(page.getByRole("table", { name: "Intents" })).toBeVisible();
  await page.getByRole("link", { name: `${tag} waiting` }).click();
  await expect(page).toHaveURL(new RegExp(`q=${tag.toLowerCase()}&status=pending_approval`));
  await expect(page.getByLabel("Search")).toHaveValue(tag.toLowerCase());
  await expect(page.getByRole("table", { name: "Intents" })).toContainText(intent.id);
  await expect(page.getByText("Showing 1 intent", { exact: true })).toBeVisible();

  // Another person of the same organisation has their own (empty) set.
  const other = await browser.newContext({ storageState: statePath("approver") });
  const theirs = await other.newPage();
  await theirs.goto(`/intents?q=${tag.toLowerCase()}&status=pending_approval`);
  await expect(theirs.getByRole("heading", { level: 1, name: "Intents" })).toBeVisible();
  await expect(theirs.getByRole("link", { name: `${tag} waiting` })).toHaveCount(0);
  await expect(theirs.getByRole("button", { name: "Save view" })).toBeVisible();
  await other.close();

  await page.getByRole("button", { name: `Rename view ${tag} waiting` }).click();
  const rename = page.getByRole("dialog", { name: "Rename this view" });
  await expect(rename.getByLabel("New name")).toHaveValue(`${tag} waiting`);
  await rename.getByLabel("New name").fill(`${tag} tooling`);
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(views.getByRole("link", { name: `${tag} tooling` })).toBeVisible();

  await page.getByRole("button", { name: `Delete view ${tag} tooling` }).click();
  await page
    .getByRole("dialog", { name: `Delete the view “${tag} tooling”?` })
    .getByRole("button", { name: "Delete view" })
    .click();
  await expect(views.getByRole("link", { name: `${tag} tooling`, exact: true })).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`q=${tag.toLowerCase()}`)); // the filters stay on screen
});

test("the spend dashboard splits spend by category and by merchant, with values on hover", async ({ page, request }) => {
  const tag = `sp${Date.now().toString(36)}`;
  const merchant = `${tag} Compute GmbH`;
  // Two agents commit ₹49,000 each at one merchant: ₹98,000, enough to be among the demo's ten largest.
  let committed = 0;
  for (const agent of [...credentials().agent_keys].reverse()) {
    if (committed === 2) break;
    const res = await request.post("/api/v1/intents", {
      headers: bearer(agent.key),
      data: { amount: 4_900_000, currency: "INR", reason: "E2E spend split", confidence: 0.92, merchant, merchant_category: `e2e-${tag}` },
    });
    expect(res.status()).toBe(201);
    if ((await res.json()).status !== "denied") committed++;
  }
  expect(committed, "two demo agents could commit ₹49,000").toBe(2);

  await page.goto("/spend");
  const byCategory = page.getByRole("table", { name: "Spend by category" });
  await expect(byCategory.getByRole("row", { name: new RegExp(`e2e-${tag}`) })).toContainText("98,000");
  const byMerchant = page.getByRole("table", { name: "Spend by merchant" });
  await expect(byMerchant.getByRole("row", { name: new RegExp(merchant) })).toContainText("98,000");
  // Each day's segment names its day, merchant and amount on hover.
  await expect(
    page
      .locator("svg title")
      .filter({ hasText: `${merchant}: ` })
      .first(),
  ).toContainText("98,000");
  await expect(page.getByRole("img", { name: /Spend per day by merchant/ })).toBeVisible();
  // The demo has more than ten merchants: the tail is one row.
  await expect(byMerchant.getByRole("row", { name: /^Other \(\d+ more\)/ })).toHaveCount(1);
});

const MODES = [
  { mode: "1440-light", colorScheme: "light" as const, viewport: { width: 1440, height: 900 } },
  { mode: "1440-dark", colorScheme: "dark" as const, viewport: { width: 1440, height: 900 } },
  { mode: "390-light", colorScheme: "light" as const, viewport: { width: 390, height: 844 } },
  { mode: "390-dark", colorScheme: "dark" as const, viewport: { width: 390, height: 844 } },
];

for (const m of MODES) {
  for (const [name, url, ready] of [
    ["spend", "/spend", "By merchant"],
    ["intents", "/intents?status=approved", "My views"],
  ] as const) {
    test(`${name} (${m.mode}): accessible, screenshot`, async ({ page }) => {
      test.setTimeout(120_000); // a full-page screenshot and axe on a two-core machine
      await page.setViewportSize(m.viewport);
      await page.emulateMedia({ colorScheme: m.colorScheme });
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 2, name: ready })).toBeVisible();
      if (name === "intents" && (await page.getByRole("link", { name: "Approved only", exact: true }).count()) === 0) {
        // The first run saves a view, so every screenshot shows the chips with the open one marked.
        await page.getByRole("button", { name: "Save view" }).click();
        const dialog = page.getByRole("dialog", { name: "Save this view" });
        await dialog.getByLabel("Name").fill("Approved only");
        await dialog.getByRole("button", { name: "Save view" }).click();
        await expect(dialog).toBeHidden();
      }
      if (name === "intents") await expect(page.getByRole("link", { name: "Approved only", exact: true })).toHaveAttribute("aria-current", "page");
      await page.screenshot({ path: path.join(SHOTS, `second-month-${name}-${m.mode}.png`), fullPage: true });
      await expectAccessible(page);
    });
  }
}
