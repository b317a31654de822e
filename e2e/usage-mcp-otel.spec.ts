import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { APP_URL } from "./support/e2e-env.mjs";
import { callListOrders, startInstrumentedMcp, startOrdersApi } from "./support/otel-mcp-servers";

/**
 * Issue #14's end-to-end test: two real MCP servers built with @modelcontextprotocol/sdk, each
 * instrumented with the OpenTelemetry Node SDK exporting OTLP/HTTP protobuf to Tokenward with an API
 * key. An MCP client calls the same tool on both with its own token: the server that forwards that
 * token to the orders API raises a passthrough alert for it, the one that exchanges it per hop
 * raises none. The hops are then found in the explorer, and the forwarded hop in its trace graph.
 */

async function createUsageKey(page: Page): Promise<string> {
  await signIn(page, "admin", { next: "/settings/api-keys" });
  await page.getByTestId("create-api-key").click();
  await page.getByTestId("api-key-name").fill(`e2e mcp servers ${Date.now()}`);
  await page.getByTestId("api-key-scope-usage:write").check();
  await page.getByTestId("create-api-key-submit").click();
  const token = await page.getByTestId("api-key-token").inputValue();
  await page.getByTestId("api-key-done").click();
  return token;
}

test("an MCP server forwarding its client's token raises passthrough; one exchanging it per hop raises none", async ({ page }) => {
  test.setTimeout(150_000);
  const apiKey = await createUsageKey(page);
  const run = randomBytes(3).toString("hex");
  const orders = await startOrdersApi();
  const otlpUrl = `${APP_URL}/api/v1/otlp/v1/traces`;
  const forwarder = await startInstrumentedMcp({ name: `orders-mcp-forwarding-${run}`, mode: "forward", orders, otlpUrl, apiKey });
  const exchanger = await startInstrumentedMcp({ name: `orders-mcp-exchanging-${run}`, mode: "exchange", orders, otlpUrl, apiKey });
  const agent = `agent-${run}`;
  const forwardedToken = `agent-token-a-${randomBytes(16).toString("hex")}`;
  const exchangedToken = `agent-token-b-${randomBytes(16).toString("hex")}`;
  try {
    expect(await callListOrders(forwarder.url, agent, forwardedToken)).toContain('"total":42');
    expect(await callListOrders(exchanger.url, agent, exchangedToken)).toContain('"total":42');
  } finally {
    // Shutting the tracer providers down exports the batched spans.
    await Promise.all([forwarder.close(), exchanger.close()]);
    await orders.close();
  }
  // The peers did what they say: the orders API saw the agent's own token from one, a fresh one from the other.
  expect(orders.seen).toContain(forwardedToken);
  expect(orders.seen).not.toContain(exchangedToken);
  expect(orders.issued).toHaveLength(1);
  expect(orders.seen).toContain(orders.issued[0]);

  // The usage.apply job (queued by the batch, run by the app's worker) rescores the new credentials.
  await signIn(page, "security", { next: "/alerts?factor=passthrough" });
  const forwarded = page.locator('[data-testid^="alert-row-"]').filter({ hasText: forwarder.name });
  await expect(async () => {
    await page.reload();
    await expect(forwarded).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.locator('[data-testid^="alert-row-"]').filter({ hasText: exchanger.name })).toHaveCount(0);

  // The alert's credential's hops in the explorer: called by the agent at the forwarder, and by the
  // forwarder at the orders API.
  await forwarded.getByTestId("alert-hops-link").click();
  await expect(page).toHaveURL(/\/usage\?credential=/);
  const rows = page.getByTestId("hop-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: `${agent} (agent) → ${forwarder.name}` })).toHaveCount(1);
  await expect(rows.filter({ hasText: `${forwarder.name} (mcp server) → 127.0.0.1` })).toHaveCount(1);

  // The exchanger's hops: the agent's token stops at the server; the orders API saw another credential.
  await page.goto(`/usage?caller=${encodeURIComponent(exchanger.name)}`);
  await expect(rows).toHaveCount(1);
  await page.goto(`/usage?target=${encodeURIComponent(exchanger.name)}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(agent);

  // The forwarder's trace draws the forwarded hop.
  await page.goto(`/usage?caller=${encodeURIComponent(forwarder.name)}`);
  await rows.first().getByTestId("hop-trace").click();
  await expect(page.getByTestId("trace-passthrough")).toContainText("Token passthrough in this trace");
  await expect(page.getByTestId("hop-forwarded")).toContainText(`${forwarder.name} passed on the token it was given`);
});
