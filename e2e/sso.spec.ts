import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { OIDC_PORT } from "./support/e2e-env.mjs";

/**
 * SSO through a real OpenID Provider (oidc-provider, started by playwright.config.ts on loopback):
 * authorization code flow with PKCE and state, role from the IdP's group claim.
 */

async function ssoSignIn(page: Page, login: string) {
  // The IdP's dev pages import web fonts from the internet, which this machine cannot reach.
  await page.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort());
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByTestId("sso-sign-in").click();
  await expect(page).toHaveURL(new RegExp(`127\\.0\\.0\\.1:${OIDC_PORT}`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("an IdP admin signs in with SSO and gets the admin role from their group", async ({ page }) => {
  await ssoSignIn(page, "sso-admin");
  await expect(page.getByTestId("user-menu")).toHaveAccessibleName(/, Admin$/);
  await page.goto("/settings/users");
  await expect(page.getByTestId("user-row-sso-admin@idp.test")).toBeVisible();
});

test("an IdP user in no mapped group is refused, with a message saying why", async ({ page }) => {
  await ssoSignIn(page, "sso-outsider");
  await expect(page).toHaveURL(/\/sign-in\?error=NoRole/);
  await expect(page.getByText(/no Tokenward role/i)).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an IdP auditor is read-only", async ({ page }) => {
  await ssoSignIn(page, "sso-auditor");
  await expect(page.getByTestId("user-menu")).toHaveAccessibleName(/, Auditor$/);
});

test("an IdP account claiming an existing user's e-mail without verifying it is refused, and the user is untouched", async ({ page }) => {
  await ssoSignIn(page, "sso-impostor");
  await expect(page).toHaveURL(/\/sign-in\?error=UnverifiedEmail/);
  await expect(page.getByText(/has not verified this e-mail address/i)).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  // The real owner still signs in as themself, with their own role (not the impostor's admin group).
  await signIn(page, "owner");
  await expect(page.getByTestId("user-menu")).toHaveAccessibleName(/, Owner$/);
});
