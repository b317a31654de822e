import { defineConfig, devices } from "@playwright/test";
import { APP_URL, CONNECTOR_PEER_ISSUER, GITHUB_PEER_PORT, MCP_PEER_PORT, OIDC_PORT } from "./e2e/support/e2e-env.mjs";

/** E2E in Debian's Chromium (Playwright cannot download browsers here). */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the pass/fail totals that scripts/test.mjs prints at the end.
  reporter: [["list"], ["json", { outputFile: ".data/test-reports/e2e.json" }], ...(process.env.CI ? [] : [["html", { open: "never" }] as const])],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "node e2e/support/oidc-provider.mjs",
      url: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "node_modules/.bin/tsx e2e/support/connector-peer.ts",
      url: `${CONNECTOR_PEER_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "node_modules/.bin/tsx e2e/support/github-peer.ts",
      // GET /app without the App's JWT: 401, which Playwright takes as "listening".
      url: `http://127.0.0.1:${GITHUB_PEER_PORT}/app`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "node_modules/.bin/tsx e2e/support/mcp-peer.ts",
      // The correct server's RFC 9728 metadata answers once the MCP peers are listening.
      url: `http://127.0.0.1:${MCP_PEER_PORT}/.well-known/oauth-protected-resource/mcp`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "node e2e/support/app-server.mjs",
      url: `${APP_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "pipe",
    },
  ],
});
