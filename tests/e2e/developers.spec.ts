import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { bearer, credentials, statePath } from "./support/demo";

test.describe("Developers (admin)", () => {
  test.use({ storageState: statePath("admin") });

  test("creates a user key that works, shown once", async ({ page, request }) => {
    await page.goto("/developers");
    await expect(page).toHaveURL(/\/developers\/keys$/);
    await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
    await page.getByLabel("Name (optional)").fill("e2e key");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByTestId("new-api-key").textContent())!.trim();
    expect(key).toMatch(/^aegis_sk_/);
    expect((await request.get("/api/v1/webhook-endpoints", { headers: bearer(key) })).status()).toBe(200);
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("new-api-key")).toHaveCount(0);
    await expect(page.getByTestId("api-key-row").filter({ hasText: "e2e key" })).toBeVisible();
    await page.screenshot({ path: "tests/artifacts/developers-keys.png", fullPage: true });
  });

  test("registers an endpoint, shows its signed deliveries with attempts, and replays one", async ({ page, request }) => {
    const received: { id: string; type: string; verified: boolean }[] = [];
    let secret = "";
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        let verified = true;
        try {
          new Webhook(secret).verify(body, Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])));
        } catch {
          verified = false;
        }
        received.push({ id: String(req.headers["webhook-id"]), type: JSON.parse(body).type, verified });
        res.writeHead(200).end("ok from e2e");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      await page.goto("/developers/webhooks");
      await page.getByLabel("URL").fill(url);
      await page.getByLabel("Description (optional)").fill("e2e receiver");
      await page.getByRole("button", { name: "Add endpoint" }).click();
      secret = (await page.getByTestId("new-webhook-secret").textContent())!.trim();
      expect(secret).toMatch(/^whsec_/);

      const agent = credentials().agent_keys[0];
      const intent = await request.post("/api/v1/intents", {
        headers: bearer(agent.key),
        data: { amount: 1000, currency: "INR", reason: "e2e webhook", confidence: 0.95, merchant: "Notion", merchant_category: "saas" },
      });
      expect(intent.status()).toBe(201);
      await expect.poll(() => received.filter((r) => r.type === "intent.decided" && r.verified).length).toBeGreaterThan(0);

      await page.getByRole("link", { name: url }).click();
      await expect(page.getByRole("heading", { name: url })).toBeVisible();
      const row = page.getByTestId("delivery-row").filter({ hasText: "intent.decided" }).first();
      await expect(async () => {
        await page.reload();
        await expect(row).toContainText("succeeded", { timeout: 1000 });
      }).toPass();
      await row.getByText(/1 attempt/).click();
      await expect(row.getByTestId("attempt-row").first()).toContainText("200");
      await expect(row.getByTestId("attempt-row").first()).toContainText("ok from e2e");
      await page.screenshot({ path: "tests/artifacts/developers-endpoint.png", fullPage: true });

      const before = received.length;
      await row.getByRole("button", { name: "Replay" }).click();
      await expect(page.getByTestId("toast-success")).toContainText("Replay queued");
      await expect.poll(() => received.length).toBeGreaterThan(before);
      expect(received[received.length - 1]).toMatchObject({ id: received[before - 1].id, verified: true });
    } finally {
      server.close();
    }
  });

  test("MCP and SDK snippets carry the server's URL", async ({ page, baseURL }) => {
    await page.goto("/developers/connect");
    await expect(page.getByRole("heading", { name: "MCP & SDKs", level: 1 })).toBeVisible();
    const snippets = page.getByTestId("snippet");
    await expect(snippets.first()).toContainText("/api/mcp");
    await expect(page.getByText(/new AegisClient\(\{ apiKey: process\.env\.AEGIS_API_KEY, baseUrl:/)).toBeVisible();
    await expect(page.getByText(/AegisClient\(api_key=os\.environ\["AEGIS_API_KEY"\], base_url=/)).toBeVisible();
    expect(baseURL).toBeTruthy();
    await page.screenshot({ path: "tests/artifacts/developers-connect.png", fullPage: true });
  });
});

test.describe("Developers is admin only", () => {
  test.use({ storageState: statePath("viewer") });

  test("a viewer has no Developers link and is told the page is for admins", async ({ page }) => {
    await page.goto("/intents");
    await expect(page.getByRole("link", { name: "Developers" })).toHaveCount(0);
    await page.goto("/developers/webhooks");
    await expect(page).toHaveURL(/\/admins-only\?page=Developers$/);
    await expect(page.getByText("Developers is for admins")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Webhooks" })).toHaveCount(0);
  });
});

test.describe("Notifications", () => {
  test.use({ storageState: statePath("approver") });

  test("the bell counts waiting approvals; the list shows them and marks them read", async ({ page }) => {
    await page.goto("/inbox");
    const bell = page.getByTestId("notification-bell");
    await expect(page.getByTestId("notification-count")).toBeVisible();
    await bell.click();
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    const first = page.getByTestId("notification-list").getByRole("link").first();
    await expect(first).toContainText("Approval needed");
    await page.screenshot({ path: "tests/artifacts/notifications.png", fullPage: true });
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(page.getByTestId("notification-count")).toHaveCount(0);
    await page.getByLabel("A daily digest").check();
    await expect(page.getByTestId("toast-success")).toContainText("Saved");
  });
});
