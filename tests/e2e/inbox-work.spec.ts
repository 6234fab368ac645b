import { expect, test, type Page } from "@playwright/test";
import { bearer, card, credentials, intentStatus, openCard, signIn, statePath, submitForApproval, userKey } from "./support/demo";

const boxesOverlap = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Server-action POSTs the page sends (an answer reaching the server). */
function countAnswers(page: Page) {
  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) sent.push(r.url());
  });
  return sent;
}

test.describe("who can act (approver)", () => {
  test.use({ storageState: statePath("approver") });

  test("items above the admin threshold wait on others, and say for whom", async ({ page, request }) => {
    const { intent } = await submitForApproval(request, "Admin Only Analytics", 6_000_000);
    await page.goto("/inbox");
    await expect(card(page, intent.id)).toHaveCount(0);
    await expect(page.getByText(/more wait for someone else/)).toBeVisible();
    await page.getByTestId("waiting-on-others").click();
    await expect(card(page, intent.id).getByRole("button", { name: "Approve" })).toHaveCount(0);
    const c = await openCard(page, intent.id);
    await expect(c.getByTestId("waiting-for")).toHaveText("Waiting for an admin (above ₹50,000.00)");
    await expect(c).toContainText("only an admin can answer");
    await expect(c.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await page.goto(`/intents/${intent.id}`);
    await expect(page.getByTestId("waiting-for")).toHaveText("Waiting for an admin (above ₹50,000.00)");
  });
});

test("a dual approval shows who approved and what they wrote, and who is still needed", async ({ browser, request }) => {
  const { intent } = await submitForApproval(request, "Dual Control Systems", 8_000_000);
  const first = await request.post(`/api/v1/approvals/${intent.approval.id}`, {
    headers: bearer(userKey("admin")),
    data: { decision: "approve", comment: "First of two" },
  });
  expect(first.status()).toBe(200);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const controller = credentials().users.find((u) => u.email === "controller@acme.test")!;
  await signIn(page, controller.email, controller.password);
  await expect(page).toHaveURL(/\/inbox$/);
  await page.goto("/inbox?min=80000&max=80000");
  const c = await openCard(page, intent.id);
  await expect(c.getByTestId("waiting-for")).toContainText("Waiting for one more admin (above ₹50,000.00)");
  await expect(c.getByRole("list", { name: "Answers so far" })).toHaveText("Anita Desai approved: “First of two”");
  await page.goto(`/intents/${intent.id}`);
  await expect(page.getByRole("list", { name: "Approval timeline" })).toContainText("First of two");
  await expect(page.getByTestId("waiting-for")).toContainText("one more admin");
  await ctx.close();
});

test.describe("working the queue (approver)", () => {
  test.use({ storageState: statePath("approver") });

  test("each card carries budget left, the last five intents, a new merchant and the risk scale", async ({ page, request }) => {
    const { intent, agent } = await submitForApproval(request, `Never Seen Before ${Date.now()}`, 1_001_000);
    await page.goto(`/inbox?agent=${agent.agent_id}&min=10010&max=10010`);
    const c = await openCard(page, intent.id);
    await expect(c).toContainText("New merchant for this agent");
    await expect(c.getByTestId("card-context")).toContainText("left today");
    await expect(c.getByTestId("card-context")).toContainText("left this month");
    await expect(c.getByRole("list", { name: "Recent intents of this agent" }).getByRole("listitem")).toHaveCount(5);
    await c.getByRole("button", { name: /risk/ }).hover();
    await expect(c.getByRole("tooltip")).toBeVisible();
    await expect(c.getByRole("tooltip")).toContainText("Scale: low 0–1 points");
    // Reasons use the cards' money format.
    await expect(c).not.toContainText(" INR"); // reasons write money as the cards do (₹…)
  });

  test("filter chips narrow the list; ticked items are answered together, each on its own", async ({ page, request }) => {
    const one = await submitForApproval(request, "Bulk One", 1_002_000);
    const two = await submitForApproval(request, "Bulk Two", 1_002_100);
    await page.goto("/inbox");
    await page.getByRole("group", { name: "Filters" }).getByRole("link", { name: one.agent.agent_name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`agent=${one.agent.agent_id}`));
    // The filtered list shows this agent's line (so the check below is never vacuous), and no line of another agent.
    await expect(card(page, one.intent.id)).toBeVisible();
    await expect(page.getByTestId("approval-row").filter({ hasNotText: one.agent.agent_name })).toHaveCount(0);

    await page.goto("/inbox?min=10020&max=10021");
    await card(page, one.intent.id).getByRole("checkbox").check();
    await card(page, two.intent.id).getByRole("checkbox").check();
    // The bar says how many and what they add up to.
    await expect(page.getByTestId("selected-sum")).toHaveText("2 selected · ₹20,041.00");
    await page.getByRole("region", { name: "Selected approvals" }).getByRole("button", { name: "Approve 2" }).click();
    await expect(page.getByTestId("toast-success").filter({ hasText: "Approved 2 of 2" })).toBeVisible();
    await expect.poll(() => intentStatus(request, one.intent.id)).toBe("approved");
    await expect.poll(() => intentStatus(request, two.intent.id)).toBe("approved");
    const audit = await request.get(`/api/v1/intents/${two.intent.id}`, { headers: bearer(userKey("admin")) });
    expect((await audit.json()).status).toBe("approved");
  });

  test("search by intent id from any page; intents CSV follows the filters", async ({ page, request }) => {
    const { intent } = await submitForApproval(request, "Searchable Ltd", 1_000_500);
    await page.goto("/agents");
    const box = page.getByRole("search", { name: "Go to an intent" }).getByRole("textbox");
    // "/" focuses the box once the page is interactive.
    await expect(async () => {
      await page.keyboard.press("/");
      await expect(box).toBeFocused({ timeout: 500 });
    }).toPass();
    await page.keyboard.type(intent.id);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/intents/${intent.id}$`));
    await expect(page.getByRole("heading", { name: "Searchable Ltd" })).toBeVisible();

    await page.getByRole("search", { name: "Go to an intent" }).getByRole("textbox").fill("int_doesnotexist");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "No intent or approval" })).toBeVisible();

    await page.goto("/intents?status=denied");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe(
      "id,created_at_utc,agent_id,agent,merchant,merchant_category,amount,currency,status,state,deciding_rule,decision_reason,confidence,reason,decided_at_utc," +
        "captured_amount,settled_at_utc,capture_memo,approved_by,rejected_by,comments,gl_code,cost_center",
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.slice(1)) expect(l).toMatch(/^int_\w+,.*,INR,denied,(denied|rejected),/);
  });
});

test.describe("undo and the keyboard (approver)", () => {
  test.use({ storageState: statePath("approver") });

  test("an answer undone within the window never reaches the API; one not undone does", async ({ page, request }) => {
    const { intent } = await submitForApproval(request, "Undo Me Ltd", 1_003_000);
    await page.clock.install();
    const sent = countAnswers(page);
    await page.goto("/inbox?min=10030&max=10030");
    const c = card(page, intent.id);
    await c.getByRole("button", { name: "Approve" }).click();
    await expect(c).toHaveCount(0);
    await page.getByRole("status").filter({ hasText: "Approving ₹10,030.00" }).getByRole("button", { name: "Undo" }).click();
    await expect(c).toBeVisible();
    await page.clock.runFor(10_000);
    expect(sent).toEqual([]);
    expect(await intentStatus(request, intent.id)).toBe("pending_approval");

    await c.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("a");
    await expect(c).toHaveCount(0);
    await page.clock.runFor(6_000);
    await expect.poll(() => intentStatus(request, intent.id)).toBe("approved");
    expect(sent).toHaveLength(1);
  });

  test("a poll inside the Undo window does not bring the answered card back; Undo after it does, and sends nothing", async ({ page, request }) => {
    const { intent } = await submitForApproval(request, "Held Through A Poll", 1_003_100);
    await page.clock.install();
    const sent = countAnswers(page);
    await page.goto("/inbox?min=10031&max=10032");
    const c = card(page, intent.id);
    await c.getByRole("button", { name: "Approve" }).click();
    await expect(c).toHaveCount(0);
    // A new item in the same filter: seeing it proves a poll's answer (still holding the
    // answered approval, which was not sent) has reached the list.
    const later = await submitForApproval(request, "Arrives While Held", 1_003_200);
    const polled = page.waitForResponse((r) => r.url().includes("/inbox/feed"));
    await page.clock.runFor(3_100);
    expect((await polled).ok()).toBe(true);
    await expect(card(page, later.intent.id)).toBeVisible();
    // Checked once, not retried: time still flows, and a retry could outlast the window
    // (the answer sent, the card gone for good) and pass for the wrong reason.
    expect(await c.count()).toBe(0);

    await page.getByRole("status").filter({ hasText: "Approving ₹10,031.00" }).getByRole("button", { name: "Undo" }).click();
    await expect(c).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Nothing was sent." })).toBeVisible();
    await page.clock.runFor(10_000);
    expect(sent).toEqual([]);
    expect(await intentStatus(request, intent.id)).toBe("pending_approval");
  });

  test("on the intent page, Undo inside the window sends nothing; an answer left alone is sent with its comment", async ({ page, request }) => {
    const { intent } = await submitForApproval(request, "Panel Undo Co", 1_003_300);
    await page.clock.install();
    const sent = countAnswers(page);
    await page.goto(`/intents/${intent.id}`);
    const bar = page.getByTestId("approval-actions");
    await bar.getByRole("button", { name: "Approve" }).click();
    await expect(bar.getByRole("status")).toHaveText("Approving in 5 s…");
    await bar.getByRole("button", { name: "Undo" }).click();
    await expect(bar.getByRole("button", { name: "Approve" })).toBeEnabled();
    await page.clock.runFor(10_000);
    expect(sent).toEqual([]);
    expect(await intentStatus(request, intent.id)).toBe("pending_approval");

    // A rejection needs a reason: without one the field asks for it and nothing starts.
    await bar.getByRole("button", { name: "Reject" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Say why you reject it" })).toBeVisible();
    await expect(bar.getByRole("button", { name: "Reject" })).toBeEnabled();
    await page.getByLabel("Comment (needed to reject)").fill("Typed before the window");
    await bar.getByRole("button", { name: "Reject" }).click();
    await page.clock.runFor(6_000);
    await expect(page.getByTestId("toast-success").filter({ hasText: "Rejected" })).toBeVisible();
    await expect.poll(() => intentStatus(request, intent.id)).toBe("denied"); // a rejected intent is denied
    expect(sent).toHaveLength(1);
    await expect(page.getByRole("list", { name: "Approval timeline" })).toContainText("Typed before the window");
  });

  test("? lists the shortcuts and Enter opens the selected item", async ({ page, request }) => {
    const { intent } = await submitForApproval(request, "Enter Key Co", 1_004_000);
    await page.goto("/inbox?min=10040&max=10040");
    await expect(async () => {
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible({ timeout: 500 });
    }).toPass();
    await expect(page.getByRole("dialog")).toContainText("Undo the last answer");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await card(page, intent.id).click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/intents/${intent.id}$`));
  });

  test("toasts never cover the answer buttons", async ({ page, request }) => {
    await submitForApproval(request, "Toast Check A", 1_005_000);
    await submitForApproval(request, "Toast Check B", 1_005_000);
    await page.goto("/inbox?min=10050&max=10050");
    await page.getByTestId("approval-row").first().getByRole("button", { name: "Approve" }).click();
    const toast = page.getByRole("status").filter({ hasText: "Approving" });
    await expect(toast).toBeVisible();
    const t = (await toast.boundingBox())!;
    // The other card's buttons are still there to be covered (or not): the check is never vacuous.
    const buttons = page.getByRole("button", { name: /^(Approve|Reject)$/ });
    await expect(buttons.first()).toBeVisible();
    const boxes = (await Promise.all((await buttons.all()).map((b) => b.boundingBox()))).filter((b) => b !== null);
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const box of boxes) expect(boxesOverlap(t, box)).toBe(false);
  });
});

test.describe("noticing new work", () => {
  test("the navigation and the tab title count waiting items; new ones are marked", async ({ browser, request }) => {
    const ctx = await browser.newContext({ storageState: statePath("approver") });
    const page = await ctx.newPage();
    await page.goto("/inbox?min=10060&max=10061");
    await expect(page.getByTestId("nav-inbox-count").first()).toHaveText(/^\d+\+?$/);
    await expect(page).toHaveTitle(/^\(\d+\+?\) Approval inbox · AegisOS Comply$/);
    const before = Number((await page.getByTestId("nav-inbox-count").first().textContent())!.replace("+", ""));
    const { intent } = await submitForApproval(request, "Arrives Later", 1_006_050);
    const c = card(page, intent.id);
    await expect(c).toBeVisible({ timeout: 15_000 });
    await expect(c).toHaveAttribute("data-new", "true");
    await expect(c.getByText("New", { exact: true })).toBeVisible();
    await expect
      .poll(async () => Number((await page.getByTestId("nav-inbox-count").first().textContent())!.replace("+", "")), { timeout: 15_000 })
      .toBeGreaterThan(before);
    await page.goto("/agents");
    await expect(page).toHaveTitle(/^\(\d+\+?\) Agents · AegisOS Comply$/);
    await ctx.close();
  });

  test("a viewer's inbox refreshes on its own too", async ({ browser, request }) => {
    const ctx = await browser.newContext({ storageState: statePath("viewer") });
    const page = await ctx.newPage();
    await page.goto("/inbox?min=10070&max=10071");
    await expect(page.getByText("You have read-only access")).toBeVisible();
    const { intent } = await submitForApproval(request, "Viewer Sees This", 1_007_050);
    await expect(card(page, intent.id)).toBeVisible({ timeout: 15_000 });
    await ctx.close();
  });
});

test.describe("one vocabulary (viewer)", () => {
  test.use({ storageState: statePath("viewer") });

  test("statuses read the same in filters and badges", async ({ page }) => {
    await page.goto("/intents");
    const options = await page.getByLabel("Status").locator("option").allTextContents();
    expect(options).toContain("Awaiting approval");
    expect(options).not.toContain("Pending");
    await page.goto("/intents?status=pending_approval");
    await expect(page.getByRole("table", { name: "Intents" }).getByText("Awaiting approval").first()).toBeVisible();
  });
});
