import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { credentials, statePath, submitPendingIntent } from "./support/demo";

const SHOTS = path.join(process.cwd(), "tests", "artifacts", "screenshots");
fs.mkdirSync(SHOTS, { recursive: true });

/** No serious or critical axe violations; the report names the rule and the elements. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} → ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" | ")}`,
    ),
  ).toEqual([]);
}

type Shot = { name: string; url: string | (() => string); ready: (page: Page) => Promise<void>; title: RegExp };

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
};

let intentId = "";
const PAGES: Shot[] = [
  {
    name: "inbox",
    url: "/inbox",
    ready: async (p) => void (await expect(p.getByTestId("approval-row").first()).toBeVisible()),
    title: /^(\(\d+\+?\) )?Approval inbox · AegisOS Comply$/,
  },
  { name: "intents", url: "/intents", ready: heading("Intents"), title: /^(\(\d+\+?\) )?Intents · AegisOS Comply$/ },
  {
    name: "intent-detail",
    url: () => `/intents/${intentId}`,
    ready: async (p) => void (await expect(p.getByRole("heading", { name: "Policy decision" })).toBeVisible()),
    title: /^(\(\d+\+?\) )?Screenshot Studio · int_\w+ · AegisOS Comply$/,
  },
  { name: "agents", url: "/agents", ready: heading("Agents"), title: /^(\(\d+\+?\) )?Agents · AegisOS Comply$/ },
  {
    name: "agent-detail",
    url: () => `/agents/${credentials().agent_keys[0].agent_id}`,
    ready: async (p) => void (await expect(p.getByTestId("wallet-available")).toBeVisible()),
    title: /^(\(\d+\+?\) )?Procurement Assistant · Agent · AegisOS Comply$/,
  },
  { name: "policies", url: "/policies", ready: heading("Policies"), title: /^(\(\d+\+?\) )?Policies · AegisOS Comply$/ },
  { name: "audit", url: "/audit", ready: heading("Audit log"), title: /^(\(\d+\+?\) )?Audit log · AegisOS Comply$/ },
  {
    name: "audit-verify",
    url: "/audit/verify",
    ready: async (p) => void (await expect(p.getByRole("heading", { name: "The chain is intact" })).toBeVisible({ timeout: 30_000 })),
    title: /^(\(\d+\+?\) )?Audit chain · AegisOS Comply$/,
  },
  {
    name: "audit-evidence",
    url: "/audit/evidence",
    ready: heading("Audit evidence"),
    title: /^(\(\d+\+?\) )?Audit evidence · AegisOS Comply$/,
  },
  { name: "reconciliation", url: "/reconciliation", ready: heading("Reconciliation"), title: /^(\(\d+\+?\) )?Reconciliation · AegisOS Comply$/ },
  { name: "spend", url: "/spend", ready: heading("Spend"), title: /^(\(\d+\+?\) )?Spend · AegisOS Comply$/ },
  { name: "routing", url: "/routing", ready: heading("Approval routing"), title: /^(\(\d+\+?\) )?Approval routing · AegisOS Comply$/ },
  { name: "settings", url: "/settings", ready: heading("People & settings"), title: /^(\(\d+\+?\) )?People & settings · AegisOS Comply$/ },
  { name: "payment-rails", url: "/settings/rails", ready: heading("Payment rails"), title: /^(\(\d+\+?\) )?Payment rails · AegisOS Comply$/ },
];

const MODES = [
  { mode: "light", colorScheme: "light" as const, viewport: { width: 1440, height: 900 } },
  { mode: "dark", colorScheme: "dark" as const, viewport: { width: 1440, height: 900 } },
  { mode: "phone", colorScheme: "light" as const, viewport: { width: 390, height: 844 } },
  { mode: "phone-dark", colorScheme: "dark" as const, viewport: { width: 390, height: 844 } },
];

test.describe("main pages", () => {
  test.use({ storageState: statePath("admin") });
  test.beforeAll(async ({ request }) => {
    intentId = (await submitPendingIntent(request, "Screenshot Studio")).intent.id;
  });

  for (const s of PAGES) {
    for (const m of MODES) {
      test(`${s.name} (${m.mode}): accessible, screenshot`, async ({ page }) => {
        await page.setViewportSize(m.viewport);
        await page.emulateMedia({ colorScheme: m.colorScheme });
        await page.goto(typeof s.url === "string" ? s.url : s.url());
        await s.ready(page);
        await expect(page).toHaveTitle(s.title);
        await page.screenshot({ path: path.join(SHOTS, `${s.name}-${m.mode}.png`), fullPage: true });
        await expectAccessible(page);
      });
    }
  }
});

test.describe("sign-in page", () => {
  for (const m of MODES) {
    test(`sign-in (${m.mode}): accessible, screenshot`, async ({ page }) => {
      await page.setViewportSize(m.viewport);
      await page.emulateMedia({ colorScheme: m.colorScheme });
      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { name: "Sign in to AegisOS Comply" })).toBeVisible();
      await expectAccessible(page);
      await page.screenshot({ path: path.join(SHOTS, `sign-in-${m.mode}.png`), fullPage: true });
    });
  }
});
