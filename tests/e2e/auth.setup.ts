import { expect, test as setup } from "@playwright/test";
import { signIn, statePath, userOf, type Role } from "./support/demo";

/** Signs in through the UI once per role and keeps the session for the other tests. */
for (const role of ["admin", "approver", "approver2", "viewer"] as Role[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const user = userOf(role);
    await signIn(page, user.email, user.password);
    await expect(page).toHaveURL(role === "viewer" ? /\/intents$/ : /\/inbox$/);
    await expect(page.getByText(user.email).first()).toBeVisible();
    await page.context().storageState({ path: statePath(role) });
  });
}
