import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import Stripe from "stripe";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { bearer, credentials, signIn, statePath } from "./support/demo";

/**
 * Card rails end to end: an admin of a USD organisation (Stripe Issuing works in USD, EUR and GBP)
 * connects Stripe in the dashboard, attaches a card to an agent, and the "rail" then asks about a
 * payment and reports its capture — events shaped like Stripe's and signed by the `stripe`
 * package (`webhooks.generateTestHeaderString`), posted to the webhook URL the dashboard showed.
 */
const SHOTS = path.join(process.cwd(), "tests", "artifacts", "screenshots");
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `card-rails-${name}.png`), fullPage: true });

/** No serious or critical axe violations on the page as it is now (the pages spec covers the empty states). */
async function expectAccessible(page: Page) {
  const bad = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

/** The same page in dark mode and on a phone, for the eye. */
async function shotModes(page: Page, name: string) {
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, `${name}-dark`);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `${name}-phone-dark`);
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** The CLI's channel into the running server (what `npm run aegis` uses on the embedded database). */
async function aegis(request: APIRequestContext, command: string, args: Record<string, string | boolean>) {
  const token = fs.readFileSync(path.join(process.env.AEGIS_E2E_DIR!, "admin-token"), "utf8").trim();
  const res = await request.post("/api/internal/admin", { headers: bearer(token), data: { command: command.split(" "), args } });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

const run = crypto.randomBytes(3).toString("hex");
const admin = { email: `rails-admin-${run}@cardrails.test`, password: `Rails-e2e-${run}-pass!` };
const SECRET = `whsec_${crypto.randomBytes(24).toString("base64url")}`;
const CARD = `ic_1E2E${run.toUpperCase()}Card`;
const usd = (cents: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
let org: { id: string };
let webhookPath = "";
let agent: { id: string; name: string; key: string };

test.beforeAll(async ({ request }) => {
  org = await aegis(request, "org create", { name: `Card Rails ${run}`, currency: "USD", "time-zone": "America/New_York" });
  await aegis(request, "user create", {
    org: org.id,
    email: admin.email,
    role: "admin",
    password: admin.password,
    "no-forced-change": true,
    name: "Rae Rails",
  });
  const created = await aegis(request, "agent create", { org: org.id, name: "Ads Buyer", balance: "5000000" });
  const key = await aegis(request, "key create", { agent: created.id });
  agent = { id: created.id, name: "Ads Buyer", key: key.key };
});

/**
 * Stripe's events from the rail fixtures (tests/fixtures/rails/stripe-*.json, shaped like Stripe's
 * published objects, each naming its source) with this test's ids and amounts.
 */
type StripeEvent = { id: string; type: string; created: number; data: { object: Record<string, any> } };
function stripeEvent(name: string, change: (object: Record<string, any>) => void): StripeEvent {
  const event = JSON.parse(fs.readFileSync(path.join("tests", "fixtures", "rails", `stripe-${name}.json`), "utf8"));
  delete event._source;
  event.id = `evt_${crypto.randomBytes(12).toString("hex")}`;
  event.created = Math.floor(Date.now() / 1000);
  change(event.data.object);
  return event;
}

/** An issuing.authorization awaiting our answer (Stripe: amount 0, the request in pending_request). */
const authorizationRequest = (id: string, cents: number, card = CARD) =>
  stripeEvent("issuing-authorization-request", (a) => {
    Object.assign(a, { id, currency: "usd", merchant_currency: "usd" });
    a.card.id = card;
    Object.assign(a.pending_request, { amount: cents, merchant_amount: cents, currency: "usd", merchant_currency: "usd" });
    a.merchant_data.name = "OPENAI *API";
  });

/** An issuing.transaction of type capture: Stripe signs it from the balance's side (negative). */
const captureTransaction = (id: string, authorization: string, cents: number) =>
  stripeEvent("issuing-transaction-created", (t) =>
    Object.assign(t, { id, authorization, card: CARD, amount: -cents, merchant_amount: -cents, type: "capture" }),
  );

/** POSTs an event to the webhook URL's path, signed with the connection's secret by the stripe package. */
async function deliver(request: APIRequestContext, webhookPath: string, event: StripeEvent) {
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  return request.post(webhookPath, { headers: { "Stripe-Signature": signature, "Content-Type": "application/json" }, data: payload });
}

test.describe.configure({ mode: "serial" });

test("an admin connects Stripe, attaches a card, and sees the card's authorization and capture on the intent page", async ({ page, request }) => {
  test.slow(); // a sign-in, six pages and three axe scans: 50 s on a busy 2-core machine, past the default 45 s (two CI runs)
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/inbox$/, { timeout: 30_000 });

  // Settings → Payment rails: connect Stripe with its signing secret; the URL to paste appears with a copy button.
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Payment rails" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Payment rails" })).toBeVisible();
  await expect(page.getByText("No rail connected")).toBeVisible();
  await page.getByRole("radio", { name: "Stripe Issuing" }).check();
  await page.getByLabel("Signing secrets").fill(SECRET);
  await page.getByRole("button", { name: "Connect Stripe Issuing" }).click();
  const shown = page.getByTestId("new-rail-webhook-url");
  await expect(shown).toHaveText(/\/api\/rails\/\S+$/);
  const webhookUrl = (await shown.textContent())!.trim();
  await expect(page.getByTestId("rail-connected").getByRole("button", { name: "Copy webhook url" })).toBeVisible();
  // The form moves on to the rail still free, empty.
  await expect(page.getByRole("radio", { name: "Lithic" })).toBeChecked();
  await expect(page.getByLabel("ASA and events secrets")).toHaveValue("");
  // The secret is not on the page any more, anywhere.
  expect(await page.content()).not.toContain(SECRET);
  const connection = page.getByTestId("rail-connection").filter({ hasText: "Stripe Issuing" });
  await expect(connection).toContainText("Active");
  await expect(connection.getByTestId("rail-webhook-url")).toHaveText(webhookUrl);
  await page.getByRole("radio", { name: "Stripe Issuing" }).check();
  await expect(page.getByText("Stripe Issuing is already connected.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Connect Stripe Issuing" })).toBeDisabled();
  await shot(page, "connected");
  await expectAccessible(page);
  await shotModes(page, "connected");

  // The card settings: 2.5 % tolerance and 48 hours' validity, saved and still there after a reload.
  const settings = page.getByRole("region", { name: "Card payments" });
  await expect(settings.getByLabel("Tolerance over the intent (%)")).toHaveValue("0");
  await expect(settings.getByLabel("Approval covers payments for (hours)")).toHaveValue("24");
  await settings.getByLabel("Tolerance over the intent (%)").fill("2.5");
  await settings.getByLabel("Approval covers payments for (hours)").fill("48");
  await settings.getByRole("button", { name: "Save card settings" }).click();
  await expect(page.getByTestId("toast-success").filter({ hasText: "Card settings saved" })).toBeVisible(); // the connect toast may still be up
  await shot(page, "card-settings");
  await page.reload();
  await expect(page.getByLabel("Tolerance over the intent (%)")).toHaveValue("2.5");
  await expect(page.getByLabel("Approval covers payments for (hours)")).toHaveValue("48");
  const stored = await request.get("/api/v1/organization/card-settings", { headers: bearer(agent.key) });
  expect(await stored.json()).toMatchObject({ tolerance_bps: 250, validity_minutes: 2880 });

  // The agent page: attach the card by its Stripe id.
  await page.goto(`/agents/${agent.id}`);
  const cards = page.getByTestId("agent-cards");
  await expect(cards).toContainText("No cards attached");
  await cards.getByRole("button", { name: "Attach card" }).click();
  await cards.getByLabel("Rail", { exact: true }).selectOption("stripe");
  await cards.getByLabel("Rail card id").fill(CARD);
  await cards.getByLabel("Last 4 (optional)").fill("4242");
  await cards.getByRole("button", { name: "Attach", exact: true }).click();
  await expect(page.getByTestId("toast-success").filter({ hasText: "Card •••• 4242 attached to Ads Buyer" })).toBeVisible();
  const card = cards.locator(`[data-testid="agent-card"][data-rail-card="${CARD}"]`);
  await expect(card).toHaveAttribute("data-state", "attached");
  await expect(card).toContainText("•••• 4242");
  await shot(page, "agent-card");
  await expectAccessible(page);

  // The agent asks first; the policy approves a small, confident intent on its own.
  const submitted = await request.post("/api/v1/intents", {
    headers: bearer(agent.key),
    data: { amount: 4200, currency: "USD", reason: "E2E: API credits by card", confidence: 0.97, merchant: "OpenAI", merchant_category: "saas" },
  });
  expect(submitted.status()).toBe(201);
  const intent = await submitted.json();
  expect(intent.status).toBe("approved");

  // The rail asks; AegisOS answers in Stripe's contract.
  webhookPath = new URL(webhookUrl).pathname;
  const authId = `iauth_1E2E${run}`;
  const asked = await deliver(request, webhookPath, authorizationRequest(authId, 4200));
  expect(asked.status(), await asked.text()).toBe(200);
  expect(asked.headers()["stripe-version"]).toBeTruthy();
  expect(await asked.json()).toEqual({ approved: true });

  // Then the rail reports the capture.
  const captured = await deliver(request, webhookPath, captureTransaction(`ipi_1E2E${run}`, authId, 4200));
  expect(captured.status(), await captured.text()).toBe(200);

  // The admin sees both at the card, on the intent's page.
  await page.goto(`/intents/${intent.id}`);
  const atCard = page.getByTestId("rail-activity");
  await expect(atCard.getByRole("heading", { name: "At the card" })).toBeVisible();
  const authorization = atCard.getByTestId("rail-authorization");
  await expect(authorization).toHaveCount(1);
  await expect(authorization).toHaveAttribute("data-approved", "true");
  await expect(authorization).toContainText(usd(4200));
  await expect(authorization).toContainText("Approved");
  await expect(authorization).toContainText(authId);
  const capture = atCard.locator('[data-testid="rail-transaction"][data-type="capture"]');
  await expect(capture).toContainText("Captured");
  await expect(capture).toContainText(usd(4200));
  await expect(page.getByTestId("intent-settlement")).toHaveText(usd(4200));
  await shot(page, "intent");
  await expectAccessible(page);
  await shotModes(page, "intent");
});

test("a card is detached only after confirming, and its later payments are declined", async ({ page, request }) => {
  const other = `ic_1E2E${run}Spare`;
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/inbox$/, { timeout: 30_000 });
  await page.goto(`/agents/${agent.id}`);
  const cards = page.getByTestId("agent-cards");
  await cards.getByRole("button", { name: "Attach card" }).click();
  await cards.getByLabel("Rail card id").fill(other);
  await cards.getByRole("button", { name: "Attach", exact: true }).click();
  const card = cards.locator(`[data-testid="agent-card"][data-rail-card="${other}"]`);
  await expect(card).toHaveAttribute("data-state", "attached");

  await card.getByRole("button", { name: "Detach…" }).click();
  const dialog = page.getByRole("dialog", { name: `Detach card ${other}?` });
  await expect(dialog).toContainText("Payments on this card are declined from now on");
  await shot(page, "detach-confirm");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toHaveAttribute("data-state", "attached");

  await card.getByRole("button", { name: "Detach…" }).click();
  await dialog.getByRole("button", { name: "Detach card" }).click();
  await expect(page.getByTestId("toast-success").filter({ hasText: `Card ${other} detached` })).toBeVisible();
  await expect(card).toHaveAttribute("data-state", "detached");
  await expect(card.getByRole("button", { name: "Detach…" })).toHaveCount(0);

  // The agent still has an approved intent that would cover it, but a card on no agent is never approved.
  const submitted = await request.post("/api/v1/intents", {
    headers: bearer(agent.key),
    data: { amount: 1500, currency: "USD", reason: "E2E: paid with the spare card", confidence: 0.97, merchant: "OpenAI", merchant_category: "saas" },
  });
  expect((await submitted.json()).status).toBe("approved");
  const asked = await deliver(request, webhookPath, authorizationRequest(`iauth_1E2E${run}Spare`, 1500, other));
  expect(asked.status(), await asked.text()).toBe(200);
  expect(await asked.json()).toEqual({ approved: false });
});

test("a card payment that needs a person is declined at the card and waits in the inbox, saying so", async ({ page, request }) => {
  // $12,000 is above the default auto-approve limit ($10,000): no intent covers it, and nobody can answer in 2 s.
  const authId = `iauth_1E2E${run}Big`;
  const asked = await deliver(request, webhookPath, authorizationRequest(authId, 1_200_000));
  expect(asked.status(), await asked.text()).toBe(200);
  expect(await asked.json()).toEqual({ approved: false });

  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/inbox$/, { timeout: 30_000 });
  const row = page.getByTestId("approval-row").filter({ hasText: "OPENAI *API" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Card declined");
  await expect(row).toContainText(usd(1_200_000));
  await row.getByRole("button", { name: "OPENAI *API" }).click();
  const details = page.getByTestId("approval-card").filter({ hasText: "OPENAI *API" });
  await expect(details.getByTestId("declined-at-card")).toContainText("Declined at the card: submit an intent first.");
  await shot(page, "inbox");
  await expectAccessible(page);
  await shotModes(page, "inbox");

  await details.getByRole("link", { name: "OPENAI *API" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "OPENAI *API" })).toBeVisible();
  await expect(page.getByTestId("declined-at-card")).toBeVisible();
  const authorization = page.getByTestId("rail-authorization");
  await expect(authorization).toHaveAttribute("data-approved", "false");
  await expect(authorization).toContainText("Declined");
  await expect(authorization).toContainText("declined at the card: submit an intent first");
  await expect(page.getByTestId("rail-activity")).toContainText("Nothing captured or refunded at the card yet.");
  await shot(page, "declined-intent");
});

test.describe("people who are not admins", () => {
  test.use({ storageState: statePath("viewer") });

  test("see an agent's cards without controls, and Payment rails is for admins", async ({ page }) => {
    await page.goto(`/agents/${credentials().agent_keys[0].agent_id}`);
    const cards = page.getByTestId("agent-cards");
    await expect(cards.getByRole("heading", { name: "Cards", exact: true })).toBeVisible();
    await expect(cards).toContainText("An admin attaches cards to agents.");
    await expect(cards.getByRole("button")).toHaveCount(0);
    await page.goto("/settings/rails");
    await expect(page.getByRole("heading", { name: "Payment rails is for admins" })).toBeVisible();
  });
});
