import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { SSO_CLIENT, ssoIssuer } from "./tests/e2e/support/sso";

const root = import.meta.dirname;
const PORT = Number(process.env.AEGIS_E2E_PORT ?? 3300);

/*
 * A fresh embedded database per run. The main process picks the folder and removes older
 * e2e folders; workers inherit the env var, so they read the same credentials file.
 */
if (!process.env.AEGIS_E2E_DIR) {
  const base = path.join(root, ".data");
  if (fs.existsSync(base)) {
    for (const name of fs.readdirSync(base)) if (name.startsWith("e2e-")) fs.rmSync(path.join(base, name), { recursive: true, force: true });
  }
  process.env.AEGIS_E2E_DIR = path.join(base, `e2e-${Date.now()}`);
}

const chromium = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
const args = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/artifacts/test-results",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { outputFolder: "tests/artifacts/report", open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: { executablePath: chromium, args },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      testIgnore: /auth\.setup\.ts/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: chromium, args } },
    },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    // Loopback webhook receivers are allowed here (tests/e2e/developers.spec.ts runs one).
    env: {
      AEGIS_DATA_DIR: process.env.AEGIS_E2E_DIR,
      PORT: String(PORT),
      AEGIS_WEBHOOK_ALLOW_PRIVATE_URLS: "1",
      AEGIS_WEBHOOK_POLL_MS: "300",
      // One person clicking through 90+ specs outruns a human's 600 pages a minute; the limit has its own HTTP test.
      AEGIS_DASHBOARD_RATE_LIMIT_PER_MINUTE: "20000",
      // Shorter than an answer's 5-second undo window: tests/e2e/passkeys.spec.ts always meets the step-up dialog.
      AEGIS_STEP_UP_MAX_AGE_SECONDS: "5",
      // Single sign-on against the OpenID Provider tests/e2e/auth-single-sign-on.spec.ts starts.
      AEGIS_OIDC_ISSUER: ssoIssuer(),
      AEGIS_OIDC_CLIENT_ID: SSO_CLIENT.client_id,
      AEGIS_OIDC_CLIENT_SECRET: SSO_CLIENT.client_secret,
    },
  },
});
