import { expect, test } from "@playwright/test";
import { bearer, credentials, statePath, userKey } from "./support/demo";

type Intent = {
  id: string;
  merchant: string;
  amount: number;
  created_at: string;
  policy_decision: { budgets: { daily: { spent: number; resets_at: string; time_zone?: string } } };
};

const DAY = 86_400_000;
const ist = (iso: string, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-IN", { ...opts, timeZone: "Asia/Kolkata" }).format(new Date(iso));

/**
 * The demo organisation runs on Asia/Kolkata (UTC+5:30). Its seed has the procurement agent
 * buying at 19:00 and 23:30 UTC two days ago and at 00:05 UTC the day after: one day in India.
 */
test.describe("the organisation's time zone (admin)", () => {
  test.use({ storageState: statePath("admin") });

  test("an intent made at 23:30 UTC shows the next day in IST, and the daily budget counts it on that day", async ({ page, request }) => {
    const now = new Date();
    const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 2);
    const agentId = credentials().agent_keys[0].agent_id;
    const q = new URLSearchParams({
      agent_id: agentId,
      created_after: new Date(day + 18 * 3_600_000).toISOString(),
      created_before: new Date(day + DAY + 3_600_000).toISOString(),
      limit: "100",
    });
    const list: Intent[] = (await (await request.get(`/api/v1/intents?${q}`, { headers: bearer(userKey("admin")) })).json()).data;
    const find = (m: string) => list.find((i) => i.merchant === m)!;
    const [first, late, next] = [find("Early Bird Stationery"), find("Dawn Print House"), find("Sunrise Snacks")];
    expect(late.created_at).toBe(new Date(day + 23.5 * 3_600_000).toISOString());
    expect(next.created_at.slice(0, 10)).not.toBe(late.created_at.slice(0, 10)); // another UTC day…

    // …but the same day in India, where the page shows it, with UTC on hover.
    await page.goto(`/intents/${late.id}`);
    const submitted = page.locator("dt", { hasText: "Submitted" }).locator("xpath=following-sibling::dd[1]//time");
    const indianDate = ist(late.created_at, { day: "numeric", month: "short", year: "numeric" });
    await expect(submitted).toHaveText(`${indianDate}, 5:00 am IST`);
    await expect(submitted).toHaveAttribute("title", /11:30 pm UTC$/);

    // The next morning's decision counted both earlier purchases in its day, which ends at midnight IST.
    const daily = next.policy_decision.budgets.daily;
    expect(daily.spent).toBeGreaterThanOrEqual(first.amount + late.amount);
    expect(daily.resets_at).toBe(new Date(day + DAY + 18.5 * 3_600_000).toISOString());
    expect(daily.time_zone).toBe("Asia/Kolkata");
    await page.goto(`/intents/${next.id}`);
    await expect(page.getByTestId("budget-daily")).toContainText(
      `resets ${ist(daily.resets_at, { day: "numeric", month: "short", year: "numeric" })}, 12:00 am IST`,
    );

    // The agent's spend chart puts all three on that Indian day.
    await page.goto(`/agents/${agentId}`);
    const label = ist(late.created_at, { day: "numeric", month: "short" });
    const bar = (await page.locator("svg rect title").allTextContents()).find((t) => t.startsWith(`${label}:`))!;
    expect(Number(bar.split("₹")[1].replace(/,/g, ""))).toBeGreaterThanOrEqual((first.amount + late.amount + next.amount) / 100);
  });

  test("an admin changes the zone in the dashboard and every time follows it", async ({ page, request }) => {
    const q = new URLSearchParams({ agent_id: credentials().agent_keys[0].agent_id, limit: "1" });
    const [latest]: Intent[] = (await (await request.get(`/api/v1/intents?${q}`, { headers: bearer(userKey("admin")) })).json()).data;
    await page.goto("/settings");
    try {
      await page.getByLabel("Organisation time zone").selectOption("UTC");
      await page.getByRole("button", { name: "Save time zone" }).click();
      await expect(page.getByTestId("toast-success")).toContainText("Time zone set to UTC");
      await page.goto(`/intents/${latest.id}`);
      const utc = new Intl.DateTimeFormat("en-IN", {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZone: "UTC",
        timeZoneName: "short",
      }).format(new Date(latest.created_at));
      await expect(page.locator("dt", { hasText: "Submitted" }).locator("xpath=following-sibling::dd[1]")).toHaveText(utc);
    } finally {
      await page.goto("/settings");
      await page.getByLabel("Organisation time zone").selectOption("Asia/Kolkata");
      await page.getByRole("button", { name: "Save time zone" }).click();
      await expect(page.getByTestId("toast-success")).toContainText("Time zone set to Asia/Kolkata");
    }
  });
});
