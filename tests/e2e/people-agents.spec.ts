import { expect, test } from "@playwright/test";
import { bearer, card, credentials, fillSignIn, openCard, statePath, submitForApproval, userKey } from "./support/demo";

test.describe("admins manage people and agents", () => {
  test.use({ storageState: statePath("admin") });

  test("register an agent with a starting balance", async ({ page }) => {
    await page.goto("/agents");
    await page.getByRole("button", { name: "Register agent" }).click();
    await page.getByLabel("Name").fill(`E2E Ledger Bot ${Date.now()}`);
    await page.getByLabel("Owner").fill("Finance Ops");
    await expect(page.getByLabel("Currency")).toHaveValue("INR"); // the organisation's currency, not a hard-coded one
    await page.getByLabel("Starting balance").fill("1,50,000");
    await page.getByRole("button", { name: "Register agent" }).last().click();
    await expect(page).toHaveURL(/\/agents\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("wallet-available")).toHaveText("₹1,50,000.00");
  });

  test("invite by link, change the role, reset by link, deactivate: each confirmed in a dialog, no password ever shown", async ({ page, browser }) => {
    test.slow(); // two browsers, four sign-ins and three dialogs: past 45 s on a busy machine
    const email = `e2e-${Date.now()}@acme.test`;
    await page.goto("/settings");
    await expect(page.getByTestId("org-currency")).toHaveText("INR"); // the demo organisation's, read-only
    await expect(page.getByText("INR Indian Rupee")).toBeVisible();
    const invite = page.getByRole("form", { name: "Invite a person" });
    await invite.getByLabel("Email").fill(email);
    await invite.getByLabel("Name").fill("Priya Shah");
    await invite.getByLabel("Role").selectOption("viewer");
    await invite.getByRole("button", { name: "Invite" }).click();
    const inviteLink = (await page.getByTestId("issued-link").textContent())!.trim();
    await page.getByRole("button", { name: "Done" }).click();
    // Not a member yet: the invitation waits in its own list until they choose a password.
    await expect(page.locator(`[data-testid="invitation"][data-email="${email}"]`)).toContainText("Priya Shah");
    await expect(page.locator(`[data-testid="person"][data-email="${email}"]`)).toHaveCount(0);

    const ctx = await browser.newContext();
    const them = await ctx.newPage();
    const choose = async (link: string, password: string) => {
      await them.goto(link);
      await expect(them.getByTestId("link-email")).toHaveText(email, { timeout: 30_000 });
      await them.getByLabel("Password (at least 8 characters)").fill(password);
      await them.getByLabel("The same again").fill(password);
      await them.getByRole("button", { name: "Save password and sign in" }).click();
    };
    await choose(inviteLink, "priya's own 1");
    await expect(them).toHaveURL(/\/intents$/); // viewers land on the intents list
    await expect(them.getByText(/^viewer$/i).first()).toBeVisible();

    // The account exists once they chose a password (an invitation is a link, not a person yet).
    await page.reload();
    await expect(page.locator(`[data-testid="invitation"][data-email="${email}"]`)).toHaveCount(0);
    const row = page.locator(`[data-testid="person"][data-email="${email}"]`);
    await row.getByLabel(`Role of ${email}`).selectOption("approver");
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText(`Make ${email} approver?`);
    await dialog.getByRole("button", { name: "Change role" }).click();
    await expect(page.getByTestId("toast-success")).toContainText(`${email} is now approver`);
    await them.goto("/inbox");
    await expect(them).toHaveURL(/\/sign-in/); // a role change ends open sessions (session version)
    await fillSignIn(them, email, "priya's own 1");
    await expect(them.getByText(/^approver$/i).first()).toBeVisible();

    await row.getByRole("button", { name: "Reset password" }).click();
    await dialog.getByRole("button", { name: "Issue reset link" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Password reset for ${email}` })).toBeVisible();
    const resetLink = (await page.getByTestId("issued-link").textContent())!.trim();
    expect(resetLink).not.toBe(inviteLink);
    await choose(resetLink, "priya's second 2");
    await expect(them).toHaveURL(/\/inbox$/);

    await row.getByRole("button", { name: "Deactivate" }).click();
    await dialog.getByRole("button", { name: "Deactivate" }).click();
    await expect(row.getByText("Deactivated")).toBeVisible();
    await them.goto("/agents");
    await expect(them).toHaveURL(/\/sign-in/); // the open session ends
    await fillSignIn(them, email, "priya's second 2");
    await expect(them.getByText("The email or password is not correct.")).toBeVisible();
    await ctx.close();
  });

  test("an invitation nobody redeemed can be withdrawn, and its link stops working", async ({ page, browser }) => {
    const email = `e2e-withdrawn-${Date.now()}@acme.test`;
    await page.goto("/settings");
    const invite = page.getByRole("form", { name: "Invite a person" });
    await invite.getByLabel("Email").fill(email);
    await invite.getByLabel("Role").selectOption("approver");
    await invite.getByRole("button", { name: "Invite" }).click();
    const link = (await page.getByTestId("issued-link").textContent())!.trim();
    await page.getByRole("button", { name: "Done" }).click();

    const row = page.locator(`[data-testid="invitation"][data-email="${email}"]`);
    await row.getByRole("button", { name: "Withdraw" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText(`Withdraw the invitation for ${email}?`);
    await dialog.getByRole("button", { name: "Withdraw invitation" }).click();
    await expect(page.getByTestId("toast-success")).toContainText(`Invitation for ${email} withdrawn`);
    await expect(row).toHaveCount(0);

    const ctx = await browser.newContext();
    const them = await ctx.newPage();
    await them.goto(link);
    await expect(them.getByText("This link is no longer valid")).toBeVisible({ timeout: 30_000 });
    await ctx.close();
  });

  test("a risk override asks why and shows who set it and when", async ({ page }) => {
    const agent = credentials().agent_keys[2];
    await page.goto(`/agents/${agent.agent_id}`);
    await page.getByLabel("Risk override").selectOption("medium");
    const ask = page.getByRole("dialog", { name: "Set the risk to medium?" });
    await ask.getByRole("textbox").fill("Vendor review pending");
    await ask.getByRole("button", { name: "Set to medium" }).click();
    await expect(page.getByTestId("risk-override-note")).toContainText("Set to medium by admin@acme.test on");
    await expect(page.getByTestId("risk-override-note")).toContainText("“Vendor review pending”");
    await page.getByLabel("Risk override").selectOption("");
    const back = page.getByRole("dialog", { name: "Return the risk to the computed level?" });
    await back.getByRole("textbox").fill("Review done");
    await back.getByRole("button", { name: "Use computed risk" }).click();
    await expect(page.getByTestId("risk-override-note")).toHaveCount(0);
  });

  test("suspending shows what waits for the agent; suspended agents are marked on cards and intent pages", async ({ page, request }) => {
    const { intent, agent } = await submitForApproval(request, "Suspense Ltd", 1_009_000, 1);
    await page.goto(`/agents/${agent.agent_id}`);
    await page.getByRole("button", { name: "Suspend agent" }).click();
    // The dialog says what is waiting; leaving its box unticked keeps those approvals waiting.
    const dialog = page.getByRole("dialog", { name: "Suspend this agent?" });
    await expect(dialog).toContainText(/\d+\+? of its intents are awaiting approval/);
    await dialog.getByRole("button", { name: "Suspend agent" }).click();
    await expect(page.getByTestId("toast-success")).toContainText("Agent suspended");
    try {
      await page.goto("/inbox?min=10090&max=10090");
      await expect(card(page, intent.id)).toContainText("Suspended");
      await expect(await openCard(page, intent.id)).toContainText("Agent suspended");
      await page.goto(`/intents/${intent.id}`);
      await expect(page.getByText("Agent suspended").first()).toBeVisible();
    } finally {
      const res = await request.get(`/api/v1/agents/${agent.agent_id}`, { headers: bearer(userKey("admin")) });
      if ((await res.json()).status === "suspended") {
        await page.goto(`/agents/${agent.agent_id}`);
        await page.getByRole("button", { name: "Resume agent" }).click();
        await page.getByRole("dialog").getByRole("button", { name: "Resume agent" }).click();
        await expect(page.getByTestId("toast-success")).toContainText("Agent resumed");
      }
    }
  });
});
