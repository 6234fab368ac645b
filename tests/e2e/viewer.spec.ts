import { expect, test } from "@playwright/test";
import { bearer, statePath, submitPendingIntent, userKey } from "./support/demo";

test.describe("viewer", () => {
  test.use({ storageState: statePath("viewer") });

  test("reads the inbox but has no approve button, and the API refuses their answer", async ({ page, request }) => {
    const { intent } = await submitPendingIntent(request, "Read Only Inc");
    await page.goto("/inbox?min=20000&max=20000"); // a page of the inbox holds 20: filter to this amount
    await expect(page.getByText("You have read-only access")).toBeVisible();
    await expect(page.locator(`[data-intent-id="${intent.id}"]`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Reject" })).toHaveCount(0);

    // With the browser's session cookie…
    const viaSession = await page.request.post(`/api/v1/approvals/${intent.approval.id}`, { data: { decision: "approve" } });
    expect(viaSession.status()).toBe(403);
    // …and with the viewer's API key.
    const viaKey = await request.post(`/api/v1/approvals/${intent.approval.id}`, { headers: bearer(userKey("viewer")), data: { decision: "approve" } });
    expect(viaKey.status()).toBe(403);
    expect((await viaKey.json()).error.code).toBe("forbidden");

    await page.goto(`/intents/${intent.id}`);
    await expect(page.getByRole("heading", { name: "Read Only Inc" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  });

  test("sees no admin controls on an agent or the policy", async ({ page }) => {
    await page.goto("/agents");
    await page.getByRole("list", { name: "Agents" }).getByRole("link").first().click();
    await expect(page.getByTestId("wallet-available")).toBeVisible();
    await expect(page.getByRole("button", { name: /Suspend agent|Resume agent/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
    await page.goto("/policies");
    await expect(page.getByRole("heading", { name: "Organisation rules" })).toBeVisible();
    await expect(page.getByLabel(/Policy document/)).toHaveCount(0);
  });

  test("is told an admin page is for admins, not that it does not exist", async ({ page }) => {
    for (const [url, name] of [
      ["/settings", "People & settings is for admins"],
      ["/developers/keys", "Developers is for admins"],
    ]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { name })).toBeVisible();
      await expect(page.getByText("You are signed in as a viewer")).toBeVisible();
    }
  });
});
