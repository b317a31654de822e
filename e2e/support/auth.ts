import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./e2e-env.mjs";

export type TDemoRole = "admin" | "security" | "owner" | "auditor";

export const demoEmail = (role: TDemoRole) => `${role}@tokenward.local`;

/** Local e-mail/password sign-in as one of the seeded demo users. */
export async function signIn(page: Page, role: TDemoRole, { next = "/" }: { next?: string } = {}) {
  await page.context().clearCookies();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(demoEmail(role));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // scrypt plus the first render of a cold page: allow for a loaded machine.
  await expect(page.getByTestId("user-menu")).toBeVisible({ timeout: 30_000 });
}
