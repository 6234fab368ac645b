import { expect, test } from "@playwright/test";
import { bearer, card, credentials, openCard, statePath, submitForApproval, userKey } from "./support/demo";

// A finance team's second month (issue 21): searching, routing that cannot strand approvals,
// asking before deciding, and reconciling in bulk.
test.use({ storageState: statePath("admin") });

test("the intents search finds part of a merchant's name and of a reason; a column header sorts", async ({ page, request }) => {
  const tag = `Zq${Date.now().toString(36)}`;
  const { intent } = await submitForApproval(request, `${tag} Analytics GmbH`, 1_011_000);
  await page.goto("/intents");
  await page.getByLabel("Search").fill(tag.toLowerCase());
  await page.getByRole("button", { name: "Apply filters" }).click();
  const table = page.getByRole("table", { name: "Intents" });
  await expect(table).toContainText(intent.id);
  // Only what carries the tag (submitForApproval may have tried a suspended agent first: that denied one too).
  const rows = table.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.allInnerTexts()) expect(text.toLowerCase()).toContain(tag.toLowerCase());
  await expect(page.getByText(`Showing ${await rows.count()} intent`)).toBeVisible();
  await page.getByRole("link", { name: /^Amount/ }).click();
  await expect(page).toHaveURL(/sort=amount_desc/);
  await expect(page).toHaveURL(new RegExp(`q=${tag.toLowerCase()}`));
});

test("a routing group without members is refused next to the field; a group can be edited and previews what it catches", async ({ page, request }) => {
  const category = `e2e-preview-${Date.now()}`;
  await submitForApproval(request, "Preview Target", 1_012_000);
  await page.goto("/routing");
  await page.getByRole("button", { name: "New approver group" }).click();
  const form = page.getByRole("form", { name: "New approver group" });
  await form.getByLabel("Name").fill("E2E Nobody");
  await form.getByRole("button", { name: "Create group" }).click();
  await expect(form.getByRole("alert")).toContainText("Add at least one member");

  await form.getByLabel("Name").fill("E2E Preview");
  await form.getByLabel(/Merchant categories/).fill(category);
  await form.getByRole("checkbox", { name: "Meera Nair (approver)" }).check();
  await form.getByLabel("Approvers needed").fill("2");
  await form.getByRole("button", { name: "Create group" }).click();
  await expect(form.getByRole("alert")).toContainText("The quorum is 2 but the group has 1 member");
  await form.getByLabel("Approvers needed").fill("1");
  await form.getByLabel(/Merchant categories/).fill("");
  await form.getByRole("button", { name: "Preview what it catches" }).click();
  await expect(form.getByTestId("group-preview")).toContainText(/Would catch \d+\+? waiting approval/);
  await expect(form.getByTestId("group-preview")).toContainText("Preview Target");
  await form.getByLabel(/Merchant categories/).fill(category);
  await form.getByRole("button", { name: "Create group" }).click();
  const group = page.getByRole("listitem", { name: "E2E Preview" });
  await expect(group).toContainText(`categories ${category}`);

  await group.getByRole("button", { name: "Edit group E2E Preview" }).click();
  const edit = page.getByRole("form", { name: "Edit E2E Preview" });
  await edit.getByLabel("Priority (lower first)").fill("7");
  await edit.getByRole("button", { name: "Save group" }).click();
  await expect(group).toContainText("priority 7");
  await group.getByRole("button", { name: "Delete group E2E Preview" }).click();
  await page.getByRole("dialog", { name: "Delete this group?" }).getByRole("button", { name: "Delete group" }).click();
  await expect(group).toHaveCount(0);
});

test("asking for more information keeps the approval open and lands on its intent's owner's bell", async ({ page, request }) => {
  const { intent } = await submitForApproval(request, "Question Corp", 1_013_000);
  await page.goto("/inbox?min=10130&max=10130");
  const details = await openCard(page, intent.id);
  await details.getByRole("button", { name: "Ask for info" }).click();
  const dialog = page.getByRole("dialog", { name: "Ask for more information" });
  await dialog.getByLabel("Your question").fill("Which project is this for?");
  await dialog.getByRole("button", { name: "Send question" }).click();
  await expect(page.getByTestId("toast-success")).toBeVisible();
  await expect(card(page, intent.id)).toBeVisible();
  const res = await request.get(`/api/v1/intents/${intent.id}`, { headers: bearer(userKey("admin")) });
  expect((await res.json()).status).toBe("pending_approval");
});

test("reconciliation ticks approvals awaiting capture and captures them in full together", async ({ page, request }) => {
  // Small, confident intents the policy approves on its own: they await capture.
  const agent = credentials().agent_keys[0];
  const ids: string[] = [];
  for (const merchant of ["Bulk Capture One", "Bulk Capture Two"]) {
    const res = await request.post("/api/v1/intents", {
      headers: bearer(agent.key),
      data: { amount: 12_300, currency: "INR", reason: "E2E: bulk capture", confidence: 0.99, merchant, merchant_category: "saas" },
    });
    const intent = await res.json();
    expect(intent.status).toBe("approved");
    ids.push(intent.id);
  }
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`/reconciliation?from=${today}`);
  await expect(page.getByTestId("ageing")).toContainText("Under 2 days");
  for (const m of ["Bulk Capture One", "Bulk Capture Two"]) await page.getByRole("checkbox", { name: `Tick ${m}` }).check();
  await page.getByRole("button", { name: "Capture 2 in full" }).click();
  const dialog = page.getByRole("dialog", { name: "Capture 2 approvals in full?" });
  await dialog.getByRole("textbox").fill("INV-E2E-1");
  await dialog.getByRole("button", { name: "Capture them" }).click();
  await expect(page.getByTestId("toast-success")).toContainText("Captured 2 in full");
  for (const id of ids) {
    const res = await request.get(`/api/v1/intents/${id}`, { headers: bearer(agent.key) });
    expect(await res.json()).toMatchObject({ settlement: "captured", captured_amount: 12_300 });
  }
});
