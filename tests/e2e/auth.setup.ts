import { expect, test as setup } from "@playwright/test";
import { applyDemoPolicy, bearer, credentials, signIn, statePath, userKey, userOf, type Role } from "./support/demo";

/** Signs in through the UI once per role and keeps the session for the other tests. */
for (const role of ["admin", "approver", "approver2", "viewer"] as Role[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const user = userOf(role);
    await signIn(page, user.email, user.password);
    // The first sign-ins compile and warm every server path: on a busy two-core machine they can
    // take longer than the usual 10 s.
    await expect(page).toHaveURL(role === "viewer" ? /\/intents$/ : /\/inbox$/, { timeout: 30_000 });
    await expect(page.getByText(user.email).first()).toBeVisible();
    await page.context().storageState({ path: statePath(role) });
  });
}

/**
 * The whole suite shares one demo organisation and submits many ₹20,000 intents that wait
 * for a person; with the demo's own budgets the agents run out of daily budget part-way
 * through and later specs see denials. Give every demo agent room for the run (the budget
 * rules themselves are covered by unit and integration tests).
 */
setup("give the demo agents budget room for the run", async ({ request }) => {
  const headers = bearer(userKey("admin"));
  const current = await (await request.get("/api/v1/policy", { headers })).json();
  const document = current.document as { agent_overrides?: Record<string, Record<string, unknown>> };
  document.agent_overrides ??= {};
  for (const agent of credentials().agent_keys) {
    document.agent_overrides[agent.agent_id] = { ...document.agent_overrides[agent.agent_id], daily_budget: 1_000_000_000, monthly_budget: 10_000_000_000 };
  }
  // The demo has two admins: the change goes live once the controller approves it.
  await applyDemoPolicy(request, document, current.version, "E2E run: budget room for every demo agent");
});

/**
 * Several specs answer approvals above the admin threshold with user keys, which cannot step up
 * (a fresh second factor, in a browser). The demo organisation asks for one only above ₹1,00,000
 * for the run; tests/e2e/passkeys.spec.ts lowers it for its own check and puts it back.
 */
setup("let keys answer the suite's large approvals", async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: statePath("admin") });
  const page = await ctx.newPage();
  await page.goto("/settings");
  await page.getByLabel(/Fresh second factor to approve above/).fill("1,00,000");
  await page.getByRole("button", { name: "Save sign-in security" }).click();
  await expect(page.getByTestId("toast-success").filter({ hasText: "Sign-in security saved" })).toBeVisible();
  await ctx.close();
});
