import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { verifyDelivery } from "../lib/delivery/signature";
import { signIn } from "./support/auth";

/**
 * Settings → Alert delivery end to end: an admin points a signed webhook at a receiver this test
 * starts, a gateway ingests a passthrough trace through POST /api/v1/usage with an API key, the
 * usage.apply job raises the finding and writes the outbox, the alerts.deliver job sends it — and
 * the receiver verifies the signature. The destination page shows the delivery; a test alert to a
 * receiver that refuses shows as failed with its answer and can be re-sent.
 */

type TReceived = { path: string; body: string; headers: IncomingHttpHeaders };
let server: Server;
let base = "";
const received: TReceived[] = [];
const answers: Record<string, number[]> = {};

// Two background jobs (usage.apply, then alerts.deliver) run between the ingest and the receiver.
test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, body, headers: req.headers });
      res.writeHead(answers[path]?.shift() ?? 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function createUsageKey(page: Page): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByTestId("create-api-key").click();
  await page.getByTestId("api-key-name").fill(`e2e alert gateway ${Date.now()}`);
  await page.getByTestId("api-key-scope-usage:write").check();
  await page.getByTestId("create-api-key-submit").click();
  const token = await page.getByTestId("api-key-token").inputValue();
  await page.getByTestId("api-key-done").click();
  return token;
}

async function addDestination(page: Page, input: { kind: string; name: string; url: string; detectors?: string[] }) {
  await page.getByTestId("alert-destination-create").click();
  await page.getByTestId("alert-destination-kind").selectOption(input.kind);
  await page.getByTestId("alert-destination-name").fill(input.name);
  await page.getByTestId("alert-destination-url").fill(input.url);
  for (const d of input.detectors ?? []) await page.getByTestId(`alert-destination-detector-${d}`).check();
  await page.getByTestId("alert-destination-submit").click();
}

test("an admin adds a signed webhook; a passthrough ingested through the API reaches the receiver signed; the history shows it", async ({ page, request }) => {
  const run = randomBytes(3).toString("hex");
  await signIn(page, "admin", { next: "/settings/alerts" });
  const token = await createUsageKey(page);
  await page.goto("/settings/alerts");

  // Hostile first: a remote plain-http URL and credentials in the URL are refused, nothing saved.
  await addDestination(page, { kind: "webhook", name: `soc ${run}`, url: "http://soc.example.test/hook", detectors: ["passthrough"] });
  await expect(page.getByText("Alerts are sent over https only")).toBeVisible();
  await page.getByTestId("alert-destination-url").fill("https://user:pw@soc.example.test/hook");
  await page.getByTestId("alert-destination-submit").click();
  await expect(page.getByText("Put no credentials in the URL")).toBeVisible();
  await page.getByTestId("alert-destination-url").fill(`${base}/hook-${run}`);
  await page.getByTestId("alert-destination-submit").click();
  const secret = await page.getByTestId("alert-destination-secret").inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Done" }).click();
  const row = page.getByTestId(`alert-destination-row-soc ${run}`);
  await expect(row).toContainText(`${base}/hook-${run}`);
  await expect(row).toContainText("Passthrough");
  expect(await page.content()).not.toContain(secret);

  // A gateway reports an agent → MCP server → API trace where the server forwards the token it got.
  const fp = `sha256:${createHash("sha256").update(`e2e-alert-${run}`).digest("hex")}`;
  const t = (s: number) => new Date(Date.now() - 60_000 + s * 1000).toISOString();
  const events = [
    { id: `${run}-1`, time: t(0), traceId: `alert-${run}`, spanId: `${run}-a`, credential: { fingerprint: fp }, caller: { kind: "agent", id: `agent-${run}` }, target: { kind: "mcp_server", id: `forwarding-mcp-${run}` }, tool: "query", outcome: "allowed" },
    { id: `${run}-2`, time: t(1), traceId: `alert-${run}`, spanId: `${run}-b`, parentSpanId: `${run}-a`, credential: { fingerprint: fp }, caller: { kind: "mcp_server", id: `forwarding-mcp-${run}` }, target: { kind: "provider_api", id: "orders.internal.example" }, outcome: "allowed" },
  ];
  const ingest = await request.post("/api/v1/usage", { headers: { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" }, data: events.map((e) => JSON.stringify(e)).join("\n") });
  expect(ingest.status()).toBe(200);

  // usage.apply raises it and writes the outbox; alerts.deliver sends it.
  await expect.poll(() => received.filter((r) => r.path === `/hook-${run}`).length, { timeout: 90_000, intervals: [1000] }).toBeGreaterThan(0);
  const delivery = received.find((r) => r.path === `/hook-${run}`)!;
  expect(verifyDelivery(secret, delivery.body, delivery.headers["tokenward-signature"] as string)).toBe(true);
  const envelope = JSON.parse(delivery.body) as { event: string; id: string; alert: { detector: string; evidence: string; credential: { name: string } } };
  expect(envelope).toMatchObject({ event: "alert.raised", id: delivery.headers["idempotency-key"], alert: { detector: "passthrough" } });
  expect(envelope.alert.evidence).toContain(`forwarding-mcp-${run}`);
  // Only passthrough was asked for.
  expect(received.filter((r) => r.path === `/hook-${run}`).every((r) => (JSON.parse(r.body) as typeof envelope).alert.detector === "passthrough")).toBe(true);

  await row.getByRole("link", { name: `soc ${run}` }).click();
  await expect(page.getByTestId("alert-destination-title")).toContainText(`soc ${run}`);
  // The row shows the key shortened (a phone-width table); the full one is its data attribute.
  const delivered = page.locator(`[data-testid="alert-delivery-row"][data-delivery-id="${envelope.id}"]`);
  await expect(delivered).toHaveAttribute("data-status", "delivered");
  await expect(delivered).toContainText("HTTP 204");
});

test("security sends a test alert to a receiver that refuses: failed with its answer, re-sent by the job once it accepts", async ({ page }) => {
  const run = randomBytes(3).toString("hex");
  answers[`/siem-${run}`] = [503];
  await signIn(page, "security", { next: "/settings/alerts" });
  await addDestination(page, { kind: "siem", name: `siem ${run}`, url: `${base}/siem-${run}` });
  const row = page.getByTestId(`alert-destination-row-siem ${run}`);
  await expect(row).toContainText("SIEM (JSON lines)");
  await row.getByRole("link", { name: `siem ${run}` }).click();
  await expect(page.getByTestId("alert-destination-title")).toContainText(`siem ${run}`);
  await page.getByTestId("alert-destination-test").click();
  await expect(page.getByTestId("alert-destination-test-result")).toContainText("HTTP 503");
  const failed = page.getByTestId("alert-delivery-row").first();
  await expect(failed).toHaveAttribute("data-status", "failed");
  const line = JSON.parse(received.find((r) => r.path === `/siem-${run}`)!.body.trimEnd()) as { event: string };
  expect(line.event).toBe("alert.test");

  await failed.getByTestId("alert-delivery-resend").click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("alert-delivery-row").first()).toHaveAttribute("data-status", "delivered", { timeout: 1000 });
  }).toPass({ timeout: 90_000 });
  expect(received.filter((r) => r.path === `/siem-${run}`)).toHaveLength(2);
  await expect(page.getByTestId("alert-attempt")).toHaveCount(2);

  // An owner sees no tab and no destinations.
  await signIn(page, "owner", { next: "/settings/alerts" });
  await expect(page.getByText("Alert delivery is managed by security and admins")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Alert delivery" })).toHaveCount(0);
});
