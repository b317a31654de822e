import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

/**
 * Settings → API keys end to end: an admin creates a key and sees its token once; the token works as
 * a Bearer token (and only within its scopes) until it is revoked in the UI; the key is a Tokenward
 * credential in the inventory. Other roles neither see the tab nor the page.
 */

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function openCreateDialog(page: Page) {
  await page.getByTestId("create-api-key").click();
  await expect(page.getByTestId("create-api-key-form")).toBeVisible();
}

test("an admin creates a key, copies the token shown once, uses it, revokes it, and finds it in the inventory", async ({ page, request }) => {
  const name = `E2E export job ${Date.now()}`;
  await signIn(page, "admin", { next: "/settings/api-keys" });
  await expect(page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "API keys" })).toHaveAttribute("aria-current", "page");

  await openCreateDialog(page);
  await expect(page.getByTestId("api-key-expiry")).toHaveValue("90");
  await page.getByTestId("api-key-name").fill(name);
  await page.getByTestId("api-key-scope-inventory:read").check();
  await page.getByTestId("create-api-key-submit").click();

  // Shown once: a read-only field, a copy button, a warning that says so.
  await expect(page.getByTestId("api-key-created")).toContainText("will not be shown again");
  const tokenField = page.getByTestId("api-key-token");
  await expect(tokenField).toHaveAttribute("readonly", "");
  const token = await tokenField.inputValue();
  expect(token).toMatch(/^twk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  const prefix = token.slice(0, 16);
  await page.getByTestId("api-key-copy").click();
  await expect(page.getByTestId("api-key-copy")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  // Closed: the token is gone from the page, and reopening starts a fresh form.
  await page.getByTestId("api-key-done").click();
  await expect(page.getByTestId("create-api-key-dialog")).toHaveCount(0);
  const row = page.getByTestId(`api-key-row-${prefix}`);
  await expect(row).toContainText(name);
  await expect(page.getByTestId(`api-key-status-${prefix}`)).toHaveText("Active");
  await expect(page.getByTestId(`api-key-last-used-${prefix}`)).toHaveText("Never");
  expect(await page.content()).not.toContain(token.slice(17));
  expect(page.url()).not.toContain(token.slice(17));
  expect(JSON.stringify(await page.evaluate(() => ({ ...localStorage, ...sessionStorage })))).not.toContain(token.slice(17));
  await openCreateDialog(page);
  await expect(page.getByTestId("api-key-name")).toHaveValue("");
  await expect(page.getByTestId("api-key-token")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("create-api-key-dialog")).toHaveCount(0);

  const credentialHref = (await page.getByTestId(`api-key-link-${prefix}`).getAttribute("href"))!;
  const credentialId = credentialHref.replace("/inventory/", "");

  // The token reads the inventory without any cookie, and finds its own credential.
  const listed = await request.get(`/api/v1/credentials?q=${encodeURIComponent(name)}`, { headers: bearer(token) });
  expect(listed.status()).toBe(200);
  const body = (await listed.json()) as { items: { id: string; name: string; provider: { name: string } }[] };
  expect(body.items).toContainEqual(expect.objectContaining({ id: credentialId, name, provider: expect.objectContaining({ name: "Tokenward" }) }));
  // Outside its scopes: refused.
  expect((await request.get("/api/v1/audit/export", { headers: bearer(token) })).status()).toBe(403);

  // Its last use shows in the table.
  await page.reload();
  await expect(page.getByTestId(`api-key-last-used-${prefix}`)).toContainText(/just now|ago/);
  await expect(page.getByTestId(`api-key-last-used-${prefix}`)).toContainText("UTC");

  // Revoke, confirming the prefix: the next call with the token is refused.
  await page.getByTestId(`api-key-revoke-${prefix}`).click();
  await expect(page.getByRole("dialog")).toContainText(prefix);
  await page.getByTestId(`api-key-revoke-confirm-${prefix}`).click();
  await expect(page.getByTestId(`api-key-status-${prefix}`)).toHaveText("Revoked");
  await expect(row).toHaveAttribute("data-status", "revoked");
  await expect(page.getByTestId(`api-key-revoke-${prefix}`)).toHaveCount(0);
  expect((await request.get(`/api/v1/credentials?q=${encodeURIComponent(name)}`, { headers: bearer(token) })).status()).toBe(401);

  // In the inventory, a Tokenward credential like any other; the row links to its detail.
  await page.goto(`/inventory?q=${encodeURIComponent(name)}`);
  const inventoryRow = page.locator(`[data-testid="credential-row"][data-credential-id="${credentialId}"]`);
  await expect(inventoryRow).toContainText("Tokenward");
  await page.goto(credentialHref);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
});

test("hostile inputs are refused by the server with its message, and create nothing", async ({ page }) => {
  await signIn(page, "admin", { next: "/settings/api-keys" });
  const rows = page.locator('[data-testid^="api-key-row-"]');
  const before = await rows.count();

  await openCreateDialog(page);
  await page.getByTestId("create-api-key-submit").click();
  await expect(page.locator("#api-key-name-error")).toHaveText("name is required");
  await expect(page.locator("#api-key-scopes-error")).toHaveText("choose at least one scope");
  await expect(page.getByTestId("api-key-name")).toHaveAttribute("aria-invalid", "true");

  // Whitespace only, and an invisible right-to-left override that could disguise the name in lists.
  await page.getByTestId("api-key-scope-audit:export").check();
  await page.getByTestId("api-key-name").fill("   ");
  await page.getByTestId("create-api-key-submit").click();
  await expect(page.locator("#api-key-name-error")).toHaveText("name is required");
  await expect(page.locator("#api-key-scopes-error")).toHaveCount(0);
  await page.getByTestId("api-key-name").fill("ci\u202Etxt.exe");
  await page.getByTestId("create-api-key-submit").click();
  await expect(page.locator("#api-key-name-error")).toContainText("no control or invisible formatting characters");
  await expect(page.getByTestId("api-key-token")).toHaveCount(0);

  await page.keyboard.press("Escape");
  await page.reload();
  await expect(page.getByTestId("create-api-key")).toBeVisible();
  expect(await rows.count()).toBe(before);
});

test("a non-admin sees no API keys tab and is refused the page", async ({ page }) => {
  await signIn(page, "security", { next: "/settings" });
  const tabs = page.getByRole("navigation", { name: "Settings sections" });
  await expect(tabs.getByRole("link", { name: "Teams" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "API keys" })).toHaveCount(0);
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("heading", { name: "API keys are managed by admins" })).toBeVisible();
  await expect(page.getByTestId("api-keys-table")).toHaveCount(0);
  await expect(page.getByTestId("create-api-key")).toHaveCount(0);
});
