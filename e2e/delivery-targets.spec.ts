import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

/** Settings → Delivery targets: admins add a signed webhook (secret shown once); others cannot see the tab. */

test("an admin adds a delivery target, sees its signing secret once; a plain-http remote URL is refused", async ({ page }) => {
  const name = `vault sync ${Date.now().toString(36)}`;
  await signIn(page, "admin", { next: "/settings/delivery" });
  await page.getByTestId("delivery-create").click();
  await page.getByTestId("delivery-name").fill(name);
  await page.getByTestId("delivery-url").fill("http://vault-sync.example.test/hook");
  await page.getByTestId("delivery-submit").click();
  await expect(page.getByText("Secrets are delivered over https only")).toBeVisible();
  await page.getByTestId("delivery-url").fill("https://vault-sync.example.test/hooks/tokenward");
  await page.getByTestId("delivery-submit").click();
  const secret = await page.getByTestId("delivery-secret").inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId(`delivery-row-${name}`)).toContainText("https://vault-sync.example.test/hooks/tokenward");
  expect(await page.content()).not.toContain(secret);
});

test("security sees no delivery targets tab, and the page says who manages them", async ({ page }) => {
  await signIn(page, "security", { next: "/settings/delivery" });
  await expect(page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Delivery targets" })).toHaveCount(0);
  await expect(page.getByText("Delivery targets are managed by admins")).toBeVisible();
});
