import { expect, test, type Page } from "@playwright/test";
import { statePath, type Role } from "./support/demo";

const auditRows = async (page: Page, action: string) => {
  await page.goto(`/audit?action=${action}&actor=admin@acme.test`);
  return page.getByRole("table", { name: "Audit events" }).locator("tbody tr");
};

test.describe("admin", () => {
  test.use({ storageState: statePath("admin") });

  test("rotates the signing key and sets the retention through dialogs; each lands in the audit log", async ({ page }) => {
    test.slow(); // seven page loads and two dialogs: on a loaded machine more than the default 45 s
    await page.goto("/audit");
    await page.getByRole("link", { name: "Checkpoints & keys" }).click();
    await expect(page.getByRole("heading", { name: "Audit evidence", level: 1 })).toBeVisible();
    const keys = page.getByRole("table", { name: "Signing keys" });
    const active = () => keys.getByRole("row").filter({ hasText: "Active" });
    await expect(active()).toHaveCount(1);
    const oldKey = (await active().locator("code").textContent())!.trim();
    const keyRows = await keys.getByRole("row").count();
    await expect(page.getByRole("table", { name: "Signed checkpoints" }).getByRole("columnheader", { name: "RFC 3161 time" })).toBeVisible();

    // Rotate: a real dialog first; Cancel changes nothing.
    await page.getByRole("button", { name: "Rotate signing key" }).click();
    const rotate = page.getByRole("dialog", { name: "Rotate the audit signing key?" });
    await expect(rotate).toContainText(oldKey);
    await rotate.getByRole("button", { name: "Cancel" }).click();
    await expect(rotate).toBeHidden();
    await expect(keys.getByRole("row")).toHaveCount(keyRows);
    await page.getByRole("button", { name: "Rotate signing key" }).click();
    await rotate.getByRole("button", { name: "Rotate key" }).click();
    await expect(page.getByText("Signing key rotated")).toBeVisible();
    await expect(keys.getByRole("row")).toHaveCount(keyRows + 1);
    await expect(active()).not.toContainText(oldKey);
    await expect(keys.getByRole("row").filter({ hasText: oldKey })).not.toContainText("Active");
    await expect(page.getByRole("table", { name: "Signed checkpoints" }).getByText("Key rotation").first()).toBeVisible();
    // The public API agrees: the old key is kept, retired.
    const api = await (await page.request.get("/api/v1/audit/keys")).json();
    expect(api.data.find((k: { id: string }) => k.id === oldKey).valid_until).not.toBeNull();

    // Retention: 10 years, then back to the default 7.
    const retention = page.getByRole("definition").filter({ hasText: /years \(/ });
    await expect(retention).toHaveText(/7 years \(2,557 days\)/);
    for (const [years, shown] of [
      ["10", "10 years (3,653 days)"],
      ["7", "7 years (2,557 days)"],
    ]) {
      await page.getByLabel("Retention (years)").fill(years);
      await page.getByRole("group", { name: "Evidence controls" }).getByRole("button", { name: "Set retention" }).click();
      const dialog = page.getByRole("dialog", { name: `Keep audit events for ${years} years?` });
      await dialog.getByRole("button", { name: "Set retention" }).click();
      await expect(dialog).toBeHidden();
      await expect(retention).toHaveText(new RegExp(shown.replace(/[()]/g, "\\$&")));
    }
    // Nothing in the demo is 7 years old: the purge is offered but has nothing to do.
    await expect(page.getByRole("button", { name: "Purge old events" })).toBeDisabled();
    await expect(page.getByText("No event is older than the retention.")).toBeVisible();

    const rotated = await auditRows(page, "audit.signing_key_rotated");
    await expect(rotated).toHaveCount(1);
    const retained = await auditRows(page, "organization.audit_retention_set");
    await expect(retained).toHaveCount(2);
  });
});

for (const role of ["viewer", "approver"] as Role[]) {
  test.describe(role, () => {
    test.use({ storageState: statePath(role) });

    test(`${role === "approver" ? "an" : "a"} ${role} sees the checkpoints and keys read-only, with no controls`, async ({ page }) => {
      await page.goto("/audit/evidence");
      await expect(page.getByRole("heading", { name: "Audit evidence", level: 1 })).toBeVisible();
      await expect(page.getByRole("table", { name: "Signing keys" }).getByRole("row").filter({ hasText: "Active" })).toHaveCount(1);
      await expect(page.getByRole("heading", { name: "Signed checkpoints" })).toBeVisible();
      await expect(page.getByRole("definition").filter({ hasText: /years \(/ })).toBeVisible();
      await expect(page.getByRole("group", { name: "Evidence controls" })).toHaveCount(0);
      for (const name of ["Rotate signing key", "Set retention", "Purge old events"]) await expect(page.getByRole("button", { name })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Verify chain" })).toHaveCount(0);
      await expect(page.getByLabel("Retention (years)")).toHaveCount(0);
    });
  });
}
