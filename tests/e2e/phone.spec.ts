import { expect, test, type Page } from "@playwright/test";
import { credentials, intentStatus, statePath, submitForApproval } from "./support/demo";

const PHONE = { width: 390, height: 844 };

/** True when nothing on the page is wider than the screen (no sideways scrolling). */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test.describe("on a phone (approver)", () => {
  test.use({ storageState: statePath("approver"), viewport: PHONE });

  test("the approve and reject buttons stay in reach on a long intent page", async ({ page, request }) => {
    const { intent } = await submitForApproval(request, "Pocket Payments", 1_008_000);
    await page.goto(`/intents/${intent.id}`);
    const bar = page.getByTestId("approval-actions");
    await expect(bar).toBeVisible();
    const inView = async () => {
      const box = (await bar.boundingBox())!;
      return box.y >= 0 && box.y + box.height <= PHONE.height;
    };
    expect(await inView()).toBe(true);
    await page.mouse.wheel(0, 4000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await inView()).toBe(true);

    const b = (await bar.boundingBox())!;
    await bar.getByRole("button", { name: "Approve" }).click();
    await expect(bar.getByRole("button", { name: "Undo" })).toBeVisible();
    await expect(page.getByTestId("toast-success")).toBeVisible();
    const toast = (await page.getByTestId("toast-success").boundingBox())!;
    expect(toast.y + toast.height <= b.y || b.y + b.height <= toast.y).toBe(true); // the toast does not cover the bar
    await expect.poll(() => intentStatus(request, intent.id)).toBe("approved");
  });

  test("lists are card rows and nothing scrolls sideways", async ({ page }) => {
    await page.goto("/intents");
    await expect(page.getByRole("list", { name: "Intents" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Intents" })).toBeHidden();
    expect(await fitsWidth(page)).toBe(true);
    await page.goto(`/agents/${credentials().agent_keys[0].agent_id}`);
    await expect(page.getByTestId("wallet-available")).toBeVisible();
    expect(await fitsWidth(page)).toBe(true);
    await page.goto("/inbox");
    await expect(page.getByTestId("approval-row").first()).toBeVisible();
    expect(await fitsWidth(page)).toBe(true);
    // The first Approve is on the first screen.
    const approve = (await page.getByTestId("approval-row").first().getByRole("button", { name: "Approve" }).boundingBox())!;
    expect(approve.y + approve.height).toBeLessThanOrEqual(PHONE.height);
  });
});

test.describe("at 1280 px (admin)", () => {
  test.use({ storageState: statePath("admin"), viewport: { width: 1280, height: 800 } });

  test("no column of the intents, ledger or audit tables is cut", async ({ page }) => {
    for (const url of ["/intents", `/agents/${credentials().agent_keys[0].agent_id}`, "/audit"]) {
      await page.goto(url);
      const tables = page.getByRole("region").filter({ has: page.locator("table") });
      await expect(tables.first()).toBeVisible();
      for (const region of await tables.all()) {
        if (!(await region.isVisible())) continue;
        const cut = await region.evaluate((el) =>
          el.scrollWidth <= el.clientWidth + 1 ? null : `${el.getAttribute("aria-label") ?? el.id}: ${el.scrollWidth} > ${el.clientWidth}`,
        );
        expect(cut, `${url}`).toBeNull();
      }
    }
  });
});
