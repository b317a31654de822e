import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { pickOwner } from "./support/owner-picker";

test("identity and MCP server details open from their lists and carry the entity's name", async ({ page }) => {
  await signIn(page, "security", { next: "/identities" });
  const identity = page.getByTestId("identity-link").first();
  const identityName = (await identity.textContent())!.trim();
  await identity.click();
  await expect(page.getByRole("heading", { level: 1, name: identityName })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(identityName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));

  await page.goto("/mcp-servers");
  const server = page.getByTestId("mcp-server-link").first();
  const serverName = (await server.textContent())!.trim();
  await server.click();
  await expect(page.getByRole("heading", { level: 1, name: serverName })).toBeVisible();
});

test("a malformed or unknown id answers HTTP 404 with the not-found page on every detail page", async ({ page }) => {
  await signIn(page, "auditor");
  for (const path of [
    "/inventory/not-a-uuid",
    "/inventory/00000000-0000-7000-8000-000000000000",
    "/identities/00000000-0000-7000-8000-000000000000",
    "/mcp-servers/x'--",
    "/mcp-servers/00000000-0000-7000-8000-000000000000",
    "/no-such-page",
  ]) {
    // The check runs in the [id] layout, above the page's loading boundary, so the status is real.
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText("This page does not exist"), path).toBeVisible();
  }
  // A known id still opens (the layout's check does not refuse real rows).
  await page.goto("/identities");
  const href = (await page.getByTestId("identity-link").first().getAttribute("href"))!;
  expect((await page.goto(href))?.status()).toBe(200);
});

test("an unknown /api path answers a JSON 404 in the API's error shape, for every method", async ({ request }) => {
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
    for (const path of ["/api/v1/nope", "/api/v1/credentials/extra/segments", "/api/nothing"]) {
      const response = await request.fetch(path, { method, data: method === "GET" ? undefined : {}, maxRedirects: 0 });
      expect(response.status(), `${method} ${path}`).toBe(404);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: `No API endpoint at ${method} ${path}.` } });
    }
  }
  // A malformed %-escape made Next's own parameter decoding answer a bare 500: now a 400, in the
  // API's shape for API paths and as text for pages.
  for (const path of ["/api/v1/credentials/%E0%A4%A", "/api/v1/nope/%ZZ"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "VALIDATION", message: "The path has a malformed %-escape." } });
  }
  for (const path of ["/inventory/%E0%A4%A", "/identities/%"]) expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(400);
});

test("a signed-out visitor learns nothing from a detail page's title", async ({ page, browser }) => {
  await signIn(page, "admin", { next: "/identities" });
  const href = (await page.getByTestId("identity-link").first().getAttribute("href"))!;
  const name = (await page.getByTestId("identity-link").first().textContent())!.trim();
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  const html = await (await visitor.request.get(href, { maxRedirects: 0 })).text();
  expect(html).not.toContain(name);
  await anonymous.close();
});

test("security sets an MCP server's owner and team; the auditor sees it but cannot change it", async ({ page, browser }) => {
  await signIn(page, "security", { next: "/mcp-servers" });
  await page.getByTestId("mcp-server-link").first().click();
  await expect(page).toHaveURL(/\/mcp-servers\/[0-9a-f-]{36}$/);
  const url = page.url();
  await page.getByTestId("assign-owner-open").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: /^Owner and team of / })).toBeVisible();
  const ownerName = await pickOwner(dialog, "assign-owner-select", "owner@tokenward", "owner@tokenward.local");
  const teamName = await pickOwner(dialog, "assign-team-select", "a", /./);
  await dialog.getByTestId("assign-owner-submit").click();
  await expect(dialog).toBeHidden();
  const details = page.locator("dl");
  await expect(details.getByText(ownerName, { exact: true })).toBeVisible();
  await expect(details.getByText(teamName, { exact: true })).toBeVisible();

  // Saving the same choice again is refused with a clear message, and nothing changes.
  await page.getByTestId("assign-owner-open").click();
  await pickOwner(dialog, "assign-owner-select", "owner@tokenward", "owner@tokenward.local");
  await dialog.getByTestId("assign-owner-submit").click();
  await expect(dialog.getByTestId("assign-owner-error")).toContainText("Nothing to change");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  const auditorContext = await browser.newContext();
  const auditor = await auditorContext.newPage();
  await signIn(auditor, "auditor", { next: new URL(url).pathname });
  await expect(auditor.locator("dl").getByText(ownerName, { exact: true })).toBeVisible();
  await expect(auditor.getByTestId("assign-owner-open")).toHaveCount(0);
  await auditorContext.close();
});
