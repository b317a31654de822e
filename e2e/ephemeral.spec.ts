import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { activeAtPeer, addPeerProvider, issuePeerToken } from "./support/oauth-peer-provider";

/**
 * Per-task credentials end to end, against the suite's real authorization server: a token issued
 * "for its task" dies at the provider when a gateway reports the task completed (a break-glass
 * revocation requested by "task ended"); a standing token marked ephemeral afterwards, whose value
 * Tokenward never held, is flagged "should be revoked" instead — and stays alive at the provider.
 */

test.describe.configure({ mode: "serial" });

const PROVIDER = `E2E per-task server ${Date.now().toString(36)}`;

async function createUsageKey(page: Page): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByTestId("create-api-key").click();
  await page.getByTestId("api-key-name").fill(`e2e task gateway ${Date.now()}`);
  await page.getByTestId("api-key-scope-usage:write").check();
  await page.getByTestId("create-api-key-submit").click();
  const token = await page.getByTestId("api-key-token").inputValue();
  await page.getByTestId("api-key-done").click();
  return token;
}

const taskCompleted = (value: string, n: number) =>
  JSON.stringify({
    id: `e2e-task-${Date.now()}-${n}`,
    time: new Date().toISOString(),
    traceId: `e2e-task-trace-${Date.now()}-${n}`,
    spanId: `span-${n}`,
    credential: { fingerprint: `sha256:${createHash("sha256").update(value).digest("hex")}` },
    caller: { kind: "agent", id: "billing-agent" },
    target: { kind: "mcp_server", id: "orders-mcp" },
    outcome: "task_completed",
  });

test("a per-task token is revoked when its task ends; a standing one marked later is flagged, not revoked", async ({ page, request }) => {
  test.setTimeout(240_000);
  await signIn(page, "admin");
  await addPeerProvider(page, PROVIDER);
  const perTask = await issuePeerToken(page, "invoice run token");
  await page.getByTestId("provider-issued-link").click();
  await expect(page).toHaveURL(/\/inventory\/[0-9a-f-]{36}$/);
  const perTaskUrl = new URL(page.url()).pathname;
  const card = page.getByTestId("credential-ephemeral");
  await expect(card).toHaveAttribute("data-ephemeral", "true");
  await expect(card).toContainText("Its value is held, encrypted, until the task ends");

  await page.goto("/providers");
  await page.getByRole("link", { name: PROVIDER }).click();
  const standing = await issuePeerToken(page, "nightly export token", { ephemeral: false });
  await page.getByTestId("provider-issued-link").click();
  await expect(page).toHaveURL(/\/inventory\/[0-9a-f-]{36}$/);
  const standingUrl = new URL(page.url()).pathname;
  await expect(card).toHaveAttribute("data-ephemeral", "false");
  await page.getByTestId("credential-ephemeral-toggle").click();
  await expect(card).toHaveAttribute("data-ephemeral", "true");
  await expect(card).toContainText("it will be flagged, not revoked");
  await expect(page.getByTestId("credential-history")).toContainText("credentials.set_ephemeral");

  const key = await createUsageKey(page);
  const sent = await request.post("/api/v1/usage", {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/x-ndjson" },
    data: `${taskCompleted(perTask, 1)}\n${taskCompleted(standing, 2)}\n`,
  });
  expect(sent.status(), await sent.text()).toBe(200);

  // usage.apply (queued by the batch) ends the tasks; the in-app worker runs the break-glass revocation.
  await signIn(page, "owner", { next: perTaskUrl });
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("credential-task-ended")).toContainText("Revoked after its task ended", { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  expect(await activeAtPeer(perTask)).toBe(false);
  await page.getByRole("link", { name: "Break-glass revocation" }).click();
  await expect(page.getByTestId("workflow-state")).toHaveAttribute("data-state", "completed");
  await expect(page.getByTestId("workflow-timeline")).toContainText("task ended (usage telemetry)");

  await page.goto(standingUrl);
  await expect(page.getByTestId("credential-task-ended")).toHaveAttribute("data-outcome", "should-be-revoked");
  await expect(page.getByTestId("credential-task-ended")).toContainText("Should be revoked: its task ended");
  expect(await activeAtPeer(standing)).toBe(true);
});
