import { execFile } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { credentials, statePath } from "./support/demo";

test.use({ storageState: statePath("admin") });

test("the audit log reads like a ledger: money in its currency, agents by name", async ({ page }) => {
  await page.goto("/audit?action=intent.decided");
  const table = page.getByRole("table", { name: "Audit events" });
  await expect(table).toBeVisible();
  // Every amount in the demo's currency, never minor units.
  await expect(table.getByText(/^₹[\d,]+\.\d{2} · /).first()).toBeVisible();
  await expect(table.getByText(/amount: \d{4,}/)).toHaveCount(0);
  await page.goto("/audit?action=agent.");
  const agentNames = credentials().agent_keys.map((a) => a.agent_name);
  await expect(
    page
      .getByRole("table", { name: "Audit events" })
      .getByRole("link", { name: new RegExp(agentNames.join("|")) })
      .first(),
  ).toBeVisible();
});

test("Export evidence downloads a file the offline verifier accepts, and the evidence page lists its checkpoint", async ({ page }) => {
  await page.goto("/audit");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export evidence" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^aegis-audit-evidence-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const file = test.info().outputPath("evidence.jsonl");
  await download.saveAs(file);
  const bin = path.resolve("sdk/audit-verify/bin/aegis-audit-verify.js");
  const result = await new Promise<{ code: number; out: string }>((resolve) =>
    execFile(process.execPath, [bin, file], (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr })),
  );
  expect(result.code, result.out).toBe(0);
  expect(result.out).toMatch(/^INTACT: audit export of Acme Finance/);

  await page.goto("/audit/evidence");
  await expect(page.getByRole("heading", { name: "Signed checkpoints" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Signed checkpoints" }).getByText("Export").first()).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "7 years (2,557 days)" })).toBeVisible();
});
