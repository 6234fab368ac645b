import { expect, test, type APIRequestContext } from "@playwright/test";
import { bearer, card, openCard, credentials, statePath, submitPendingIntent, userKey } from "./support/demo";

test.use({ storageState: statePath("admin") });

const inr = (paise: number) => new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR" }).format(paise / 100);
const admin = () => bearer(userKey("admin"));
const freezeState = async (request: APIRequestContext) => (await (await request.get("/api/v1/organization/freeze", { headers: admin() })).json()).frozen;

test.describe("kill switch", () => {
  // Whatever happens in a test, later specs must find the organisation unfrozen.
  test.afterEach(async ({ request }) => {
    await request.delete("/api/v1/organization/freeze", { headers: admin() });
  });

  test("an admin freezes all spending from the Agents page: banner, denials, blocked cards; then lifts it", async ({ page, request }) => {
    const { intent } = await submitPendingIntent(request, "Freeze Test Co");
    await page.goto("/agents");
    await page.getByRole("button", { name: "Freeze all spending" }).click();
    // A real dialog says what a freeze does and asks why.
    const dialog = page.getByRole("dialog", { name: "Freeze all spending of the whole organisation?" });
    await expect(dialog).toContainText("kill switch");
    await dialog.getByRole("textbox").fill("Card leak suspected");
    await dialog.getByRole("button", { name: "Freeze spending" }).click();
    await expect(page.getByTestId("toast-success")).toContainText("Spending frozen");
    await expect(page.getByTestId("frozen-banner")).toContainText("Card leak suspected");
    expect(await freezeState(request)).toBe(true);

    const agent = credentials().agent_keys[0];
    const denied = await (
      await request.post("/api/v1/intents", {
        headers: bearer(agent.key),
        data: { amount: 100, currency: "INR", reason: "E2E: during freeze", confidence: 0.99 },
      })
    ).json();
    expect(denied.policy_decision.rule).toBe("frozen");

    // Newest first: after a full suite run the inbox holds more than a page, and this card is the newest.
    await page.goto("/inbox?sort=newest");
    await expect(card(page, intent.id).getByRole("button", { name: "Approve" })).toBeDisabled();
    const c = await openCard(page, intent.id);
    await expect(c.getByTestId("approval-blocked")).toContainText("All spending of the organisation is frozen");
    await expect(c.getByRole("button", { name: "Approve" })).toBeDisabled();
    await expect(page.getByTestId("frozen-banner")).toBeVisible();

    await page.goto("/agents");
    await page.getByRole("button", { name: "Unfreeze all spending" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Unfreeze" }).click();
    await expect(page.getByTestId("toast-success")).toContainText("Spending unfrozen");
    await expect(page.getByTestId("frozen-banner")).toHaveCount(0);
    await page.goto("/inbox?sort=newest");
    await expect(card(page, intent.id).getByRole("button", { name: "Approve" })).toBeEnabled();
    await expect((await openCard(page, intent.id)).getByTestId("approval-blocked")).toHaveCount(0);
  });
});

test("a suspended agent's approval cards are marked and take no answer until it is resumed", async ({ page, request }) => {
  const { intent, agent } = await submitPendingIntent(request, "Suspension Test Co");
  await page.goto(`/agents/${agent.agent_id}`);
  await page.getByRole("button", { name: "Suspend agent" }).click();
  // The dialog tells suspend from freeze; its approvals stay waiting unless the box is ticked.
  const dialog = page.getByRole("dialog", { name: "Suspend this agent?" });
  await expect(dialog).toContainText("Freeze (the kill switch) is the lighter stop");
  await dialog.getByRole("button", { name: "Suspend agent" }).click();
  await expect(page.getByTestId("toast-success")).toContainText("Agent suspended");
  try {
    await page.goto(`/inbox?agent=${agent.agent_id}&limit=50`);
    await expect(card(page, intent.id)).toContainText("Suspended");
    const c = await openCard(page, intent.id);
    await expect(c.getByTestId("approval-blocked")).toContainText("Agent suspended");
    await expect(c.getByRole("button", { name: "Approve" })).toBeDisabled();
    await expect(c.getByRole("button", { name: "Reject" })).toBeDisabled();
  } finally {
    await page.goto(`/agents/${agent.agent_id}`);
    await page.getByRole("button", { name: "Resume agent" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Resume agent" }).click();
    await expect(page.getByTestId("toast-success")).toContainText("Agent resumed");
  }
  await page.goto(`/inbox?agent=${agent.agent_id}&limit=50`);
  await expect(card(page, intent.id)).toBeVisible();
  await expect((await openCard(page, intent.id)).getByTestId("approval-blocked")).toHaveCount(0);
});

test("a partial capture shows on the agent page, in the ledger and on the reconciliation page", async ({ page, request }) => {
  // The first demo agent whose small, confident intent the policy approves on its own.
  let found: { agent: ReturnType<typeof credentials>["agent_keys"][number]; intent: { id: string } } | null = null;
  for (const agent of credentials().agent_keys) {
    const res = await request.post("/api/v1/intents", {
      headers: bearer(agent.key),
      data: { amount: 500_000, currency: "INR", reason: "E2E: capture test", confidence: 0.99, merchant: "Capture Test Co", merchant_category: "saas" },
    });
    const intent = await res.json();
    if (intent.status === "approved") {
      found = { agent, intent };
      break;
    }
  }
  expect(found, "no demo agent had an intent approved by policy").not.toBeNull();
  const { agent, intent } = found!;
  const captured = await request.post(`/api/v1/intents/${intent.id}/capture`, { headers: bearer(agent.key), data: { amount: 420_000 } });
  expect(await captured.json()).toMatchObject({ settlement: "captured", captured_amount: 420_000 });

  await page.goto(`/intents/${intent.id}`);
  await expect(page.getByTestId("intent-settlement")).toHaveText(inr(420_000));
  await expect(page.getByRole("list", { name: "Ledger entries" })).toContainText("Returned");

  await page.goto(`/agents/${agent.agent_id}`);
  await expect(page.getByRole("heading", { name: "Approved vs captured" })).toBeVisible();
  await expect(page.getByTestId("settlement-returned")).not.toHaveText(inr(0));

  await page.goto("/reconciliation");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Capture Test Co" }) });
  await expect(row).toContainText("Partly paid");
  await expect(row).toContainText(inr(80_000));
});
