import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { strToU8, zipSync } from "fflate";
import { signIn } from "./support/auth";

/**
 * MCP config scans from the browser: security uploads a Claude Desktop config holding a Tokenward
 * API key (an inventory credential, created here by an admin, so its fingerprint is known) and a zip
 * with a Cursor config holding a token nobody knows; the per-file results show the match; Exposures
 * shows where it was found and whose it is, and security marks it remediated. An auditor cannot upload.
 */

test("security uploads configs, sees them matched to the inventory, and marks an exposure remediated", async ({ page }) => {
  test.setTimeout(120_000);
  const keyName = `E2E scan match ${Date.now().toString(36)}`;
  await signIn(page, "admin", { next: "/settings/api-keys" });
  await page.getByTestId("create-api-key").click();
  await page.getByTestId("api-key-name").fill(keyName);
  await page.getByTestId("api-key-scope-inventory:read").check();
  await page.getByTestId("create-api-key-submit").click();
  const token = await page.getByTestId("api-key-token").inputValue();
  expect(token).toMatch(/^twk_/);

  const unknown = randomBytes(30).toString("base64url");
  const desktop = JSON.stringify({ mcpServers: { tokenward: { command: "npx", args: ["-y", "tokenward-mcp"], env: { TOKENWARD_API_KEY: token } } } }, null, 2);
  const cursor = JSON.stringify({ mcpServers: { internal: { url: "https://mcp.internal.example/mcp", headers: { Authorization: `Bearer ${unknown}` } } } });
  const zip = zipSync({ "laptop/.cursor/mcp.json": strToU8(cursor), "laptop/notes.txt": strToU8("not a config") });

  await signIn(page, "security", { next: "/mcp-servers" });
  await page.getByTestId("scan-configs-link").click();
  await expect(page.getByRole("heading", { name: "Scan MCP configs" })).toBeVisible();
  await page.getByTestId("scan-upload-input").setInputFiles([
    { name: "claude_desktop_config.json", mimeType: "application/json", buffer: Buffer.from(desktop) },
    { name: "configs.zip", mimeType: "application/zip", buffer: Buffer.from(zip) },
  ]);
  await page.getByTestId("scan-upload-submit").click();

  const rows = page.getByTestId("scan-result-row");
  await expect(rows).toHaveCount(2, { timeout: 30_000 });
  const desktopRow = rows.filter({ hasText: "claude_desktop_config.json" });
  await expect(desktopRow).toContainText("Claude Desktop");
  await expect(desktopRow.getByRole("link", { name: keyName })).toBeVisible();
  const zipRow = rows.filter({ hasText: "configs.zip!laptop/.cursor/mcp.json" });
  await expect(zipRow).toContainText("Cursor");
  await expect(zipRow).toContainText("none");
  // Nothing secret comes back to the page.
  expect(await page.content()).not.toContain(token);
  expect(await page.content()).not.toContain(unknown);

  await page.getByRole("link", { name: "Open Exposures" }).click();
  await expect(page.getByRole("heading", { name: "Exposures", exact: true })).toBeVisible();
  await page.getByTestId("exposure-filter-q").fill(keyName);
  await page.getByRole("button", { name: "Apply" }).click();
  const row = page.getByTestId("exposure-row").filter({ hasText: "claude_desktop_config.json" });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("exposure-credential")).toHaveText(keyName);
  await expect(row).toContainText("mcpServers.tokenward.env.TOKENWARD_API_KEY");
  await expect(row.getByRole("link", { name: "tokenward" })).toBeVisible();
  await expect(row.getByTestId("exposure-state")).toHaveText("Open");
  await row.getByTestId("exposure-remediate").click();
  // Open-only view: the closed exposure leaves it; the "all" view shows it remediated.
  await expect(page.getByTestId("exposure-row").filter({ hasText: "claude_desktop_config.json" })).toHaveCount(0, { timeout: 15_000 });
  await page.goto(`/exposures?state=all&q=${encodeURIComponent(keyName)}`);
  await expect(page.getByTestId("exposure-row").filter({ hasText: "claude_desktop_config.json" }).getByTestId("exposure-state")).toHaveText("Remediated");

  // The credential's own page lists the exposure too.
  await page.getByTestId("exposure-credential").first().click();
  await expect(page.getByTestId("exposures-table")).toContainText("claude_desktop_config.json");
});

test("an auditor cannot upload configs, in the page or through the route", async ({ page }) => {
  await signIn(page, "auditor", { next: "/mcp-servers/scan" });
  await expect(page.getByText("Scans are sent by security and admins")).toBeVisible();
  await expect(page.getByTestId("scan-upload-input")).toHaveCount(0);
  await page.goto("/mcp-servers");
  await expect(page.getByTestId("scan-configs-link")).toHaveCount(0);
  const origin = new URL(page.url()).origin;
  const response = await page.request.post("/api/v1/scans/uploads", {
    headers: { origin, "content-type": "application/json" },
    data: { files: [{ name: "mcp.json", contentBase64: Buffer.from("{}").toString("base64") }] },
  });
  expect(response.status()).toBe(403);
});
