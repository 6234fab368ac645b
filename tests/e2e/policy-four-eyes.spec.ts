import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { applyDemoPolicy, bearer, credentials, signIn, statePath, userKey } from "./support/demo";

// Four eyes on policy (issue 20 items 6 and 7): the demo has two admins, Anita (admin) and Rohan (controller).
test.use({ storageState: statePath("admin") });

const SHOTS = path.join(process.cwd(), "tests", "artifacts", "screenshots");
const getPolicy = async (request: APIRequestContext) => (await request.get("/api/v1/policy", { headers: bearer(userKey("admin")) })).json();
const rupees = (minor: number) => new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR" }).format(minor / 100);
const typed = (minor: number) => (minor / 100).toLocaleString("en-IN", { minimumFractionDigits: 2 });

/** Leaves no proposal open for the specs after this one (or a retry of it). */
async function closeOpenProposals(request: APIRequestContext) {
  const open = await (await request.get("/api/v1/policy/proposals?status=pending", { headers: bearer(userKey("admin")) })).json();
  for (const p of open.data as { id: string }[])
    await request.post(`/api/v1/policy/proposals/${p.id}/reject`, { headers: bearer(userKey("admin")), data: { reason: "E2E clean-up" } });
}

let original: { version: number; document: { rules: { auto_approve_limit: number } } };
test.beforeAll(async ({ request }) => {
  await closeOpenProposals(request);
  original = await getPolicy(request);
});
test.afterAll(async ({ request }) => {
  await closeOpenProposals(request);
  const now = await getPolicy(request);
  if (JSON.stringify(now.document) !== JSON.stringify(original.document))
    await applyDemoPolicy(request, original.document, now.version, "E2E: put the demo's policy back");
});

test("a change typed in rupees waits for a second admin, who approves it; a restore goes the same way", async ({ page, browser, request }) => {
  test.setTimeout(120_000); // two people, two changes, a second sign-in
  const before = original.document.rules.auto_approve_limit;
  const lower = before - 100_000; // ₹1,000.00 less

  // Anita types the new limit in rupees and proposes it with a reason.
  await page.goto("/policies");
  const limit = page.getByLabel("Auto-approve up to (INR)", { exact: true });
  await expect(limit).toHaveValue(typed(before));
  await limit.fill(typed(lower));
  await page.getByRole("button", { name: "Propose change" }).click();
  const dialog = page.getByRole("dialog", { name: "Propose this change?" });
  await expect(dialog.getByRole("list", { name: "What changes" })).toHaveText(`Auto-approve up to ${rupees(before)} → ${rupees(lower)}`);
  await expect(dialog.getByRole("button", { name: "Send for approval" })).toBeDisabled(); // a reason is required
  await dialog.getByLabel("Reason for this change").fill("Fewer auto-approvals during the audit");
  await dialog.getByRole("button", { name: "Send for approval" }).click();
  await expect(page.getByTestId("toast-success")).toContainText("Change proposed");

  // Nothing is live yet; Anita sees her change waiting for someone else, with no Approve for her.
  expect((await getPolicy(request)).document.rules.auto_approve_limit).toBe(before);
  const waiting = page.getByRole("list", { name: "Policy changes waiting for a second admin" });
  const mine = waiting.getByRole("listitem", { name: /Change by admin@acme\.test/ });
  await expect(mine).toContainText("Waiting for another admin to approve it.");
  await expect(mine).toContainText("Fewer auto-approvals during the audit");
  await expect(mine.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, "policy-four-eyes-waiting.png"), fullPage: true });

  // Rohan, the second admin, reads the diff in plain words and approves it.
  const controller = credentials().users.find((u) => u.email === "controller@acme.test")!;
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const rohan = await ctx.newPage();
  await signIn(rohan, controller.email, controller.password);
  await expect(rohan).toHaveURL(/\/inbox$/, { timeout: 30_000 });
  await rohan.goto("/policies");
  const theirs = rohan.getByRole("list", { name: "Policy changes waiting for a second admin" }).getByRole("listitem", { name: /Change by admin@acme\.test/ });
  await expect(theirs.getByRole("list", { name: "What changes" })).toHaveText(`Auto-approve up to ${rupees(before)} → ${rupees(lower)}`);
  await theirs.getByRole("button", { name: "Approve" }).click();
  await expect(rohan.getByTestId("toast-success")).toContainText("is live");
  const live = await getPolicy(request);
  expect(live.document.rules.auto_approve_limit).toBe(lower);
  expect(live.version).toBe(original.version + 1);

  // Rohan proposes restoring the version before; Anita approves it.
  await rohan.goto("/policies/versions");
  await rohan.getByRole("button", { name: `Restore version ${original.version}` }).click();
  const restore = rohan.getByRole("dialog", { name: `Restore version ${original.version}?` });
  await restore.getByLabel("Reason for this change").fill("The audit is over");
  await restore.getByRole("button", { name: "Send for approval" }).click();
  await expect(rohan.getByTestId("toast-success")).toContainText(`Restoring version ${original.version} proposed`);
  await ctx.close();

  await page.reload();
  const restoring = page.getByRole("listitem", { name: /Change by controller@acme\.test/ });
  await expect(restoring).toContainText("Restore");
  await expect(restoring.getByRole("list", { name: "What changes" })).toHaveText(`Auto-approve up to ${rupees(lower)} → ${rupees(before)}`);
  await restoring.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("toast-success")).toContainText("is live");
  expect((await getPolicy(request)).document.rules.auto_approve_limit).toBe(before);
  await expect(page.getByRole("list", { name: "Policy changes waiting for a second admin" })).toHaveCount(0);
});
