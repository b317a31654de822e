import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { MCP_PEER_FILE } from "./support/e2e-env.mjs";

/**
 * The MCP authorization probe: an admin registers remote MCP servers (real @modelcontextprotocol/sdk
 * servers on loopback), sets up the probe client, runs the probe and reads the checks; security
 * runs it too but cannot see the probe client's settings.
 */

type TPeers = { tokenEndpoint: string; clientId: string; clientSecret: string; otherResource: string; correct: string; loose: string };
const peers = (): TPeers => JSON.parse(readFileSync(path.resolve(import.meta.dirname, "..", MCP_PEER_FILE), "utf8"));

async function registerAndConfigure(page: Page, name: string, url: string, p: TPeers) {
  await page.goto("/mcp-servers");
  await page.getByTestId("mcp-register").click();
  await page.getByTestId("mcp-name").fill(name);
  await page.getByTestId("mcp-url").fill(url);
  await page.getByTestId("mcp-register-submit").click();
  await expect(page.getByTestId("mcp-server-name")).toHaveText(name);
  await expect(page.getByTestId("probe-no-client")).toBeVisible();
  await page.getByTestId("probe-configure").click();
  await page.getByTestId("probe-tokenEndpoint").fill(p.tokenEndpoint);
  await page.getByTestId("probe-clientId").fill(p.clientId);
  await page.getByTestId("probe-clientSecret").fill(p.clientSecret);
  await page.getByTestId("probe-otherResource").fill(p.otherResource);
  await page.getByTestId("probe-settings-save").click();
  await expect(page.getByTestId("probe-client")).toContainText(p.clientId);
}

test("an admin registers a correctly configured MCP server, runs the probe and sees every check pass", async ({ page }) => {
  const p = peers();
  await signIn(page, "admin", { next: "/mcp-servers" });
  await registerAndConfigure(page, "Probe e2e (correct)", p.correct, p);
  await page.getByTestId("probe-run").click();
  await expect(page.getByTestId("probe-summary")).toContainText("All 11 applicable checks passed (1 not applicable)", { timeout: 30_000 });
  const checks = page.getByTestId("probe-checks");
  await expect(checks.locator(":scope > li")).toHaveCount(12);
  await expect(page.getByTestId("probe-check-unauthenticated")).toHaveAttribute("data-status", "pass");
  await expect(page.getByTestId("probe-check-token-other-resource")).toHaveAttribute("data-status", "pass");
  await expect(page.getByTestId("probe-check-token-expired")).toHaveAttribute("data-status", "not_applicable");
  await page.getByTestId("probe-check-unauthenticated").getByText("Evidence (1)").click();
  await expect(page.getByTestId("probe-check-unauthenticated")).toContainText("HTTP 401");
  await expect(page.getByTestId("probe-check-unauthenticated")).toContainText("resource_metadata=");
  expect(await page.content()).not.toContain(p.clientSecret);
  expect(await page.content()).not.toMatch(/eyJ[\w-]{20,}\.[\w-]{20,}/);
});

test("a server without an audience check fails the RFC 8707 checks; security can run the probe but not see its client settings", async ({ page }) => {
  const p = peers();
  await signIn(page, "admin", { next: "/mcp-servers" });
  await registerAndConfigure(page, "Probe e2e (no audience check)", p.loose, p);
  const serverPath = new URL(page.url()).pathname;
  await signIn(page, "security", { next: serverPath });
  await expect(page.getByTestId("probe-configure")).toHaveCount(0);
  await page.getByTestId("probe-run").click();
  await expect(page.getByTestId("probe-summary")).toContainText("2 of 12 checks failed", { timeout: 30_000 });
  await expect(page.getByTestId("probe-check-token-other-resource")).toHaveAttribute("data-status", "fail");
  await expect(page.getByTestId("probe-check-token-no-audience")).toHaveAttribute("data-status", "fail");
  await expect(page.getByTestId("probe-check-token-other-resource")).toContainText(`Accepted a token issued for ${p.otherResource}`);
  await page.goto("/mcp-servers");
  await expect(page.getByTestId("mcp-server-row").filter({ hasText: "Probe e2e (no audience check)" })).toContainText("Probe failed");
  await expect(page.getByTestId("mcp-register")).toHaveCount(0);
});
