import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { Webhook } from "standardwebhooks";
import { createOrg, type TestOrg } from "./support/fixtures";

/**
 * The ESM build, unbundled, in Chromium: a page of the app's origin imports dist/esm from a
 * static server and uses the browser's own fetch and WebCrypto (no Node APIs at all).
 */
const dist = path.resolve(import.meta.dirname, "..", "dist", "esm");
// Debian's chromium (installed by .ci/run), else Playwright's own browser if it was downloaded.
const executablePath = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
const haveBrowser =
  executablePath !== undefined ||
  (() => {
    try {
      return fs.existsSync(chromium.executablePath());
    } catch {
      return false;
    }
  })();
let browser: Browser;
let assets: http.Server;
let moduleUrl: string;
let org: TestOrg;

beforeAll(async () => {
  if (!haveBrowser) return;
  org = await createOrg();
  assets = http.createServer((req, res) => {
    const file = path.join(dist, path.normalize(decodeURIComponent(new URL(req.url!, "http://x").pathname)));
    if (!file.startsWith(dist) || !fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": "text/javascript", "Access-Control-Allow-Origin": "*" }).end(fs.readFileSync(file));
  });
  await new Promise<void>((r) => assets.listen(0, "127.0.0.1", r));
  moduleUrl = `http://127.0.0.1:${(assets.address() as AddressInfo).port}/index.js`;
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"] });
});
afterAll(async () => {
  await browser?.close();
  if (assets) await new Promise<void>((r) => assets.close(() => r()));
});

describe.skipIf(!haveBrowser)("in a browser (skipped when no Chromium is installed)", () => {
  it("submits, lists with for await, and verifies a webhook with WebCrypto", async () => {
    // The API answers with a strict CSP (default-src none); a real app page has its own. Here the
    // page only lends its origin, so the API calls are same-origin as in a dashboard.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${inject("baseUrl")}/api/health`);
    // A module script tag (not import() inside evaluate, which the test runner would rewrite).
    await page.addScriptTag({ type: "module", content: `import * as sdk from ${JSON.stringify(moduleUrl)}; window.aegisSdk = sdk;` });
    await page.waitForFunction(() => "aegisSdk" in window);
    const secret = "whsec_" + Buffer.from("browser secret, thirty-two bytes").toString("base64");
    const body = JSON.stringify({ type: "intent.decided", timestamp: new Date().toISOString(), data: { id: "int_browser" } });
    const now = new Date();
    const headers = {
      "webhook-id": "msg_browser",
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign("msg_browser", now, body),
    };

    const result = await page.evaluate(
      async ({ key, secret, body, headers }) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const sdk = (window as any).aegisSdk;
        const aegis = new sdk.AegisClient({ apiKey: key, baseUrl: location.origin });
        const intent = await aegis.intents.submit({ amount: 4200, currency: "INR", reason: "bought in a browser" });
        const listed: string[] = [];
        for await (const i of aegis.intents.list({ limit: 1 })) listed.push(i.id);
        const missing = await aegis.intents.get("int_nope").catch((e: Error) => `${e.name} ${(e as unknown as { statusCode: number }).statusCode}`);
        const event = await sdk.verifyWebhook(secret, body, new Headers(headers));
        const forged = await sdk.verifyWebhook(secret, body.replace("browser", "forged"), headers).catch((e: Error) => e.name);
        return {
          id: intent.id,
          status: intent.status,
          listed,
          missing,
          eventId: event.data.id,
          forged,
          hasProcess: typeof (globalThis as { process?: unknown }).process,
        };
      },
      { key: org.agent.key, secret, body, headers },
    );
    expect(result).toMatchObject({
      status: "approved",
      missing: "AegisNotFoundError 404",
      eventId: "int_browser",
      forged: "AegisWebhookVerificationError",
      hasProcess: "undefined",
    });
    expect(result.listed).toEqual([result.id]);
    await page.close();
  });
});
