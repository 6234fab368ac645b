import { expect, test } from "@playwright/test";
import { bearer, credentials, statePath, userKey } from "./support/demo";

test.use({ storageState: statePath("admin") });

/** Intent ids in a person's approval inbox, through the API the SDKs use. */
async function inboxOf(request: import("@playwright/test").APIRequestContext, role: "approver" | "approver2") {
  const res = await request.get("/api/v1/approvals?limit=100", { headers: bearer(userKey(role)) });
  return ((await res.json()).data as { intent_id: string }[]).map((a) => a.intent_id);
}

test("an admin routes a category to a group, delegates while a member is away, then removes the group", async ({ page, request }) => {
  const category = `e2e-routing-${Date.now()}`;
  await page.goto("/routing");
  await expect(page.getByRole("heading", { name: "Approval routing", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "New approver group" }).click();
  const form = page.getByRole("form", { name: "New approver group" });
  await form.getByLabel("Name").fill("E2E Cloud spend");
  await form.getByLabel(/Merchant categories/).fill(category);
  await form.getByRole("checkbox", { name: "Meera Nair (approver)" }).check();
  await form.getByRole("button", { name: "Create group" }).click();
  const group = page.getByRole("listitem", { name: "E2E Cloud spend" });
  await expect(group).toContainText(`categories ${category}`);

  // An intent in that category now waits for the group only.
  const agent = credentials().agent_keys[0];
  const submitted = await request.post("/api/v1/intents", {
    headers: bearer(agent.key),
    data: { amount: 2_000_000, currency: "INR", reason: "E2E: routed cloud invoice", confidence: 0.9, merchant: "AWS", merchant_category: category },
  });
  const intent = await submitted.json();
  expect(intent.status).toBe("pending_approval");
  expect(await inboxOf(request, "approver2")).toContain(intent.id);
  expect(await inboxOf(request, "approver")).not.toContain(intent.id);

  // approver2 is away: the admin delegates their approvals to approver for a day.
  await page.getByRole("button", { name: "Set out of office" }).click();
  const away = page.getByRole("form", { name: "Set out of office" });
  await away.getByLabel("Who is away").selectOption({ label: "Meera Nair" });
  await away.getByLabel("Delegate to").selectOption({ label: "Vikram Rao" });
  const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await away.getByLabel("From").fill(local(new Date(Date.now() - 60_000)));
  await away.getByLabel("Until").fill(local(new Date(Date.now() + 86_400_000)));
  await away.getByRole("button", { name: "Save delegation" }).click();
  const delegations = page.getByRole("list", { name: "Delegations" });
  await expect(delegations).toContainText("Meera Nair → Vikram Rao");
  await expect(delegations).toContainText("Active");
  expect(await inboxOf(request, "approver")).toContain(intent.id);

  // Clean up: end the delegation, delete the group (its waiting approval goes back to everyone), reject the intent.
  await delegations
    .getByRole("button", { name: /End delegation/ })
    .first()
    .click();
  await page.getByRole("dialog", { name: "End this delegation now?" }).getByRole("button", { name: "End delegation" }).click();
  await expect(page.getByTestId("toast-success").filter({ hasText: "Delegation ended" })).toBeVisible();
  await group.getByRole("button", { name: "Delete group E2E Cloud spend" }).click();
  await page.getByRole("dialog", { name: "Delete this group?" }).getByRole("button", { name: "Delete group" }).click();
  await expect(page.getByRole("listitem", { name: "E2E Cloud spend" })).toHaveCount(0);
  expect(await inboxOf(request, "approver")).toContain(intent.id);
  const rejected = await request.post(`/api/v1/approvals/${intent.id}`, {
    headers: bearer(userKey("admin")),
    data: { decision: "reject", comment: "e2e clean-up" },
  });
  expect((await rejected.json()).status).toBe("rejected");
});
