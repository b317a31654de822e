import { context, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { APP_URL } from "./support/e2e-env.mjs";

/**
 * The Alerts page end to end: security triages the seeded passthrough findings (trace graph, a
 * decision with its reason), an auditor reads without deciding; and a gateway instrumented with the
 * real OpenTelemetry SDK exports its spans over OTLP/HTTP protobuf — the server that forwards its
 * client's token raises a passthrough alert, the one that exchanges it per hop raises none.
 */

test("security opens a passthrough trace, acknowledges a finding with a reason and finds it under decided; an auditor cannot decide", async ({ page }) => {
  await signIn(page, "security", { next: "/alerts?factor=passthrough" });
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  const rows = page.locator('[data-testid^="alert-row-"]');
  await expect(rows.first()).toBeVisible();
  const open = await rows.count();
  const first = rows.first();
  const name = (await first.locator("a").first().innerText()).trim();

  await first.getByTestId("alert-trace-link").click();
  await expect(page.getByTestId("trace-passthrough")).toContainText("Token passthrough in this trace");
  await expect(page.getByTestId("hop-forwarded")).toHaveCount(1);
  await expect(page.getByTestId("trace-graph")).toBeVisible();
  await page.goBack();

  const row = page.locator('[data-testid^="alert-row-"]').filter({ hasText: name });
  await row.getByTestId("alert-acknowledged").first().click();
  await page.getByTestId("alert-decision-comment").fill("ok");
  await page.getByTestId("alert-decision-submit").click();
  await expect(page.getByText("at least 3 characters")).toBeVisible();
  await page.getByTestId("alert-decision-comment").fill("e2e: known, the server moves to token exchange this sprint");
  await page.getByTestId("alert-decision-submit").click();
  await expect(page.locator('[data-testid^="alert-row-"]').filter({ hasText: name })).toHaveCount(0);
  await expect(page.locator('[data-testid^="alert-row-"]')).toHaveCount(open - 1);

  await page.getByTestId("alerts-view-decided").click();
  const decided = page.locator('[data-testid^="alert-row-"]').filter({ hasText: name });
  await expect(decided.getByTestId("alert-decision")).toContainText("acknowledged by security@tokenward.local");
  await expect(decided).toContainText("e2e: known, the server moves to token exchange this sprint");

  await signIn(page, "auditor", { next: "/alerts?factor=passthrough&view=decided" });
  await expect(page.locator('[data-testid^="alert-row-"]').filter({ hasText: name })).toBeVisible();
  await expect(page.getByTestId("alert-reopen")).toHaveCount(0);
  await expect(page.getByTestId("alert-acknowledged")).toHaveCount(0);
});

async function createUsageKey(page: Page): Promise<string> {
  await signIn(page, "admin", { next: "/settings/api-keys" });
  await page.getByTestId("create-api-key").click();
  await page.getByTestId("api-key-name").fill(`e2e gateway ${Date.now()}`);
  await page.getByTestId("api-key-scope-usage:write").check();
  await page.getByTestId("create-api-key-submit").click();
  const token = await page.getByTestId("api-key-token").inputValue();
  await page.getByTestId("api-key-done").click();
  return token;
}

test("spans exported by the OpenTelemetry SDK raise a passthrough alert for a forwarded token, and none for a per-hop exchange", async ({ page, request }) => {
  const token = await createUsageKey(page);
  const run = randomBytes(3).toString("hex");
  const fp = (label: string) => `sha256:${createHash("sha256").update(`e2e-${run}-${label}`).digest("hex")}`;

  const exporter = new OTLPTraceExporter({ url: `${APP_URL}/api/v1/otlp/v1/traces`, headers: { authorization: `Bearer ${token}` }, timeoutMillis: 15_000 });
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ "service.name": `gateway-${run}` }), spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer("e2e-gateway");
  // Two agent → MCP server → provider API traces: one server forwards the client's token, one exchanges it.
  const hop = (server: string, clientToken: string, upstreamToken: string) => {
    const call = tracer.startSpan("tools/call", {
      attributes: { "tokenward.credential.fingerprint": fp(clientToken), "tokenward.caller.kind": "agent", "tokenward.caller.id": `agent-${run}`, "tokenward.target.kind": "mcp_server", "server.address": server, "gen_ai.tool.name": "query" },
    });
    const upstream = tracer.startSpan(
      "GET /orders",
      { attributes: { "tokenward.credential.fingerprint": fp(upstreamToken), "tokenward.caller.kind": "mcp_server", "tokenward.caller.id": server, "tokenward.target.kind": "provider_api", "url.full": "https://orders.internal.example/api" } },
      trace.setSpan(context.active(), call),
    );
    upstream.end();
    call.end();
  };
  hop(`forwarding-mcp-${run}`, "client-a", "client-a");
  hop(`exchanging-mcp-${run}`, "client-b", "server-own-b");
  await provider.forceFlush();
  await provider.shutdown();

  // Without a key the endpoint refuses (401) before reading anything.
  expect((await request.post("/api/v1/otlp/v1/traces", { headers: { "content-type": "application/x-protobuf" }, data: Buffer.alloc(0) })).status()).toBe(401);

  // The usage.apply job (queued by the batch, run by the app's worker) rescores the new credentials.
  await signIn(page, "security", { next: "/alerts?factor=passthrough" });
  const forwarded = page.locator('[data-testid^="alert-row-"]').filter({ hasText: `forwarding-mcp-${run}` });
  await expect(async () => {
    await page.reload();
    await expect(forwarded).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(forwarded).toContainText(`presented to forwarding-mcp-${run}`);
  await expect(page.locator('[data-testid^="alert-row-"]').filter({ hasText: `exchanging-mcp-${run}` })).toHaveCount(0);
  await forwarded.getByTestId("alert-trace-link").click();
  await expect(page.getByTestId("hop-forwarded")).toContainText(`forwarding-mcp-${run} passed on the token it was given`);
});
