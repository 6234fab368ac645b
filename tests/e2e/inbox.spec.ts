import { expect, test } from "@playwright/test";
import { bearer, card, giveRejectReason, openCard, statePath, submitPendingIntent, userKey } from "./support/demo";

test.describe("approval inbox (approver)", () => {
  test.use({ storageState: statePath("approver") });

  test("approves one and rejects one; the API agrees", async ({ page, request }) => {
    const first = await submitPendingIntent(request, "Figma");
    const second = await submitPendingIntent(request, "Notion");
    await page.goto("/inbox");
    const a = card(page, first.intent.id);
    const b = card(page, second.intent.id);
    await expect(a).toContainText("₹20,000.00");
    const details = await openCard(page, first.intent.id);
    await details.getByRole("textbox").fill("Budgeted in Q3");
    await details.getByRole("button", { name: "Approve" }).click();
    await expect(a).toHaveCount(0);
    await expect(page.getByTestId("toast-success").first()).toContainText("Approved ₹20,000.00");
    // A rejection asks why.
    await b.getByRole("button", { name: "Reject" }).click();
    await giveRejectReason(page, "Duplicate of an existing seat");
    await expect(b).toHaveCount(0);

    const key = userKey("approver");
    await expect.poll(async () => (await (await request.get(`/api/v1/intents/${first.intent.id}`, { headers: bearer(key) })).json()).status).toBe("approved");
    await expect.poll(async () => (await (await request.get(`/api/v1/intents/${second.intent.id}`, { headers: bearer(key) })).json()).status).toBe("denied");
    // A person's "no" names them, wherever the intent is shown.
    await page.goto(`/intents/${second.intent.id}`);
    await expect(page.getByText("Rejected by Vikram Rao").first()).toBeVisible();

    await page.goto(`/intents/${first.intent.id}`);
    await expect(page.getByRole("list", { name: "Approval timeline" })).toContainText("Budgeted in Q3");
    await expect(page.getByRole("list", { name: "Ledger entries" })).toContainText("Debit");
  });

  test("an intent submitted through the API appears without a reload", async ({ page, request }) => {
    await page.goto("/inbox");
    await expect(page.getByRole("heading", { name: "Approval inbox" })).toBeVisible();
    const marker = await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = Date.now()));
    const { intent } = await submitPendingIntent(request, "Linear");
    await expect(card(page, intent.id)).toBeVisible({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(marker); // same document: no reload
  });

  test("keyboard: j/k move and a approves the selected item", async ({ page, request }) => {
    const { intent } = await submitPendingIntent(request, "Keyboard Co");
    await page.goto("/inbox?sort=amount");
    const target = card(page, intent.id);
    await expect(target).toBeVisible();
    await target.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    await page.keyboard.press("a");
    await expect(target).toHaveCount(0);
    const key = userKey("admin");
    await expect.poll(async () => (await (await request.get(`/api/v1/intents/${intent.id}`, { headers: bearer(key) })).json()).status).toBe("approved");
  });
});

test("two approvers answer the same approval: the second is told", async ({ browser, request }) => {
  const { intent } = await submitPendingIntent(request, "Race Conditions Ltd");
  const one = await browser.newContext({ storageState: statePath("approver") });
  const two = await browser.newContext({ storageState: statePath("approver2") });
  const [p1, p2] = [await one.newPage(), await two.newPage()];
  // The second inbox stops refreshing, so it still shows the item when its person clicks.
  await p2.route("**/inbox/feed?**", (route) => route.abort());
  await p1.goto("/inbox");
  await p2.goto("/inbox");
  await expect(card(p1, intent.id)).toBeVisible();
  await expect(card(p2, intent.id)).toBeVisible();

  await card(p1, intent.id).getByRole("button", { name: "Approve" }).click();
  await expect(p1.getByTestId("toast-success").first()).toBeVisible();
  await card(p2, intent.id).getByRole("button", { name: "Reject" }).click();
  await giveRejectReason(p2, "Not needed");
  await expect(p2.getByTestId("toast-error")).toContainText("Someone else answered first");
  await expect(card(p2, intent.id)).toBeVisible(); // it comes back until the next refresh
  await one.close();
  await two.close();
});
