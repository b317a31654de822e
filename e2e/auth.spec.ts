import { expect, test } from "@playwright/test";
import { demoEmail, signIn, type TDemoRole } from "./support/auth";

const ROLE_LABEL: Record<TDemoRole, string> = { admin: "Admin", security: "Security", owner: "Owner", auditor: "Auditor" };

test.describe("local sign-in", () => {
  for (const role of Object.keys(ROLE_LABEL) as TDemoRole[]) {
    test(`${role} signs in and sees their role`, async ({ page }) => {
      await signIn(page, role);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId("user-menu")).toHaveAccessibleName(new RegExp(`, ${ROLE_LABEL[role]}$`));
      await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    });
  }

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(demoEmail("admin"));
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("sign-in-error")).toContainText("E-mail or password is incorrect");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("repeated wrong passwords for one account are slowed down, and the message says how long to wait", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByTestId("demo-login-hint")).toContainText(".data/demo-login.json");
    await page.getByLabel("E-mail").fill("nobody-here@tokenward.local");
    let message = "";
    for (let i = 0; i < 6 && !/Try again in/.test(message); i++) {
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByTestId("sign-in-error")).toBeVisible();
      message = (await page.getByTestId("sign-in-error").textContent()) ?? "";
    }
    expect(message).toMatch(/Too many attempts for this account\. Try again in \d+ (second|minute)s?\./);
  });

  test("deactivating a user ends their open session, and reactivating does not bring the old cookie back", async ({ page, browser }) => {
    const victim = await browser.newContext();
    const victimPage = await victim.newPage();
    await signIn(victimPage, "auditor");
    const oldCookies = await victim.cookies();

    await signIn(page, "admin", { next: "/settings/users" });
    const email = demoEmail("auditor");
    await page.getByTestId(`user-active-toggle-${email}`).click();
    await page.getByTestId(`user-deactivate-confirm-${email}`).click();
    await expect(page.getByTestId(`user-status-${email}`)).toContainText("Deactivated");

    await victimPage.goto("/");
    await expect(victimPage).toHaveURL(/\/sign-in/);

    await page.getByTestId(`user-active-toggle-${email}`).click();
    await expect(page.getByTestId(`user-status-${email}`)).toContainText("Active");
    const replay = await browser.newContext();
    await replay.addCookies(oldCookies);
    const replayPage = await replay.newPage();
    await replayPage.goto("/");
    await expect(replayPage).toHaveURL(/\/sign-in/);
    expect((await replayPage.request.get("/api/v1/credentials/count")).status()).toBe(401);
    await Promise.all([victim.close(), replay.close()]);
  });

  test("a signed-out visitor is sent to sign-in and brought back after", async ({ page }) => {
    await page.context().clearCookies();
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/sign-in/);
    const response = await page.request.get("/api/v1/audit/export");
    expect(response.status()).toBe(401);
    await signIn(page, "auditor", { next: "/audit" });
    await expect(page).toHaveURL(/\/audit$/);
  });

  test("sign-out ends the session", async ({ page }) => {
    await signIn(page, "security");
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("role-restricted navigation", () => {
  test("an auditor reads users but gets no controls, and the server refuses changes", async ({ page }) => {
    await signIn(page, "auditor", { next: "/settings/users" });
    await expect(page.getByTestId(`user-row-${demoEmail("owner")}`)).toBeVisible();
    await expect(page.locator('[data-testid^="role-select-"]')).toHaveCount(0);
    await expect(page.locator('[data-testid^="user-active-toggle-"]')).toHaveCount(0);
    await page.goto("/audit");
    await expect(page.getByTestId("verify-chain")).toBeVisible();
    await expect(page.getByTestId("audit-export")).toBeVisible();
  });

  test("an owner sees neither user management nor audit export, and the API says 403", async ({ page }) => {
    await signIn(page, "owner", { next: "/audit" });
    await expect(page.getByTestId("audit-table")).toBeVisible();
    await expect(page.getByTestId("audit-export")).toHaveCount(0);
    await expect(page.getByTestId("verify-chain")).toHaveCount(0);
    expect((await page.request.get("/api/v1/audit/export")).status()).toBe(403);
    await page.goto("/settings/users");
    await expect(page.locator('[data-testid^="user-row-"]')).toHaveCount(0);
  });
});

test.describe("Auth.js endpoints and callbackUrl", () => {
  // The raw query as a hostile link writes it: %09 is a tab, %0A a newline once decoded.
  for (const raw of ["/%09/evil.example", "/%0A/evil", "//evil.example", "https%3A%2F%2Fevil.example%2F"]) {
    test(`/api/auth/signin?callbackUrl=${raw} answers 400 VALIDATION, not a redirect or a 500`, async ({ request }) => {
      const response = await request.get(`/api/auth/signin?callbackUrl=${raw}`, { maxRedirects: 0 });
      expect(response.status()).toBe(400);
      expect(response.headers().location).toBeUndefined();
      expect((await response.json()).error).toMatchObject({ code: "VALIDATION", fieldErrors: { callbackUrl: [expect.stringMatching(/\(query\)$/)] } });
    });
  }

  test("a safe callbackUrl still reaches Auth.js", async ({ request }) => {
    const response = await request.get("/api/auth/csrf?callbackUrl=%2Finventory");
    expect(response.status()).toBe(200);
    expect(await response.json()).toHaveProperty("csrfToken");
  });
});
