import { expect, test } from "@playwright/test";
import Provider from "oidc-provider";
import { SSO_CLIENT, ssoIssuer } from "./support/sso";

/**
 * Issue 17, item 4: single sign-on against a real OpenID Provider (the `oidc-provider` package)
 * started by this test on the issuer the e2e server is configured with (playwright.config.ts).
 * Its development login page takes any login; the account's claims come from `ACCOUNTS`.
 *
 * People are created in the only organisation (the e2e server sets no AEGIS_OIDC_ORG_ID), so this
 * file must run before any spec that adds one (card-rails.spec.ts makes a USD organisation): the
 * suite runs on one worker in file-name order, hence the `auth-` prefix.
 */
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  "sso.approver@acme.test": { email: "sso.approver@acme.test", email_verified: true, name: "Sunita SSO", aegis_role: ["finance", "approver"] },
  "no.role@acme.test": { email: "no.role@acme.test", email_verified: true, name: "No Role" },
};

let server: ReturnType<Provider["listen"]>;
test.beforeAll(async () => {
  const provider = new Provider(ssoIssuer(), {
    clients: [{ ...SSO_CLIENT, grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "aegis_role"] },
    // The role claim must be in the ID token: that is what next-auth reads.
    conformIdTokenClaims: false,
    cookies: { keys: ["e2e-only-cookie-key"] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...(ACCOUNTS[sub] ?? { email: sub, email_verified: true }) }) }),
  });
  server = provider.listen(Number(new URL(ssoIssuer()).port));
});
test.afterAll(() => server?.close());

async function signInThroughProvider(page: import("@playwright/test").Page, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a person of the provider is created at first sign-in with the role its claim names", async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signInThroughProvider(page, "sso.approver@acme.test");
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByText("sso.approver@acme.test").first()).toBeVisible();
  await expect(page.getByText(/^approver$/i).first()).toBeVisible();
  await ctx.close();
});

test("no role in the claim, no access", async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signInThroughProvider(page, "no.role@acme.test");
  await expect(page).toHaveURL(/\/sign-in\?.*error=AccessDenied/);
  await expect(page.getByTestId("sign-in-error")).toContainText("You do not have access");
  await ctx.close();
});
