import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

test("an owner's claim shows in the credential's History, opens as an event with only the changed field, and filters the audit log", async ({ page }) => {
  test.setTimeout(180_000);
  // The owner claims an orphan (the last one by name: other specs claim the first).
  await signIn(page, "owner", { next: "/inventory?orphaned=1&team=none&status=active&sort=name" });
  await page.getByTestId("credential-link").last().click();
  await expect(page).toHaveURL(/\/inventory\/[0-9a-f-]{36}$/);
  const credentialUrl = page.url();
  const credentialId = credentialUrl.split("/").at(-1)!;
  await page.getByTestId("claim-ownership").click();
  await expect(page.getByTestId("detail-owner")).toContainText("Olivia Owner");

  // History: the reusable panel, newest first, each event opening its detail.
  const history = page.getByTestId("entity-history");
  await expect(page.getByTestId("credential-history")).toContainText("ownership.claim");
  await expect(history.getByTestId("history-item").first()).toContainText("owner@tokenward.local");
  await history.getByTestId("history-item").first().getByRole("link", { name: /Open event/ }).click();

  // Event detail: before/after lists the owner (changed) and not the team (equal on both sides).
  await expect(page.getByTestId("audit-event-title")).toHaveText(/^Event #\d+$/);
  await expect(page.getByTestId("diff-owner")).toHaveAttribute("data-kind", "changed");
  await expect(page.getByTestId("diff-owner")).toContainText("owner@tokenward.local");
  await expect(page.getByTestId("diff-team")).toHaveCount(0);
  await expect(page.getByTestId("audit-event-hash")).toContainText(/[0-9a-f]{64}/);
  await expect(page.getByTestId("audit-event-checkpoint")).toContainText(/Checkpoint #\d+|No checkpoint yet/);
  // The target links to its page.
  await page.getByTestId("audit-target-link").click();
  await expect(page).toHaveURL(credentialUrl);

  // "All events in the audit trail" from the History opens the log filtered to this credential.
  await page.getByTestId("entity-history-all").click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?targetType=credential&targetId=${credentialId}$`));
  const rows = page.locator('[data-testid^="audit-row-"]');
  await expect(rows.first()).toContainText("ownership.claim");
  expect(await rows.count()).toBeGreaterThan(0);
});

test("an auditor filters the log by actor and action in the URL, pages it, and verifies the chain", async ({ page }) => {
  // Several page loads and a whole-chain verification: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  await signIn(page, "auditor", { next: "/audit" });
  await page.getByLabel("Actor").fill("owner@tokenward.local");
  await page.getByLabel("Action").selectOption("ownership.claim");
  await page.getByTestId("audit-apply").click();
  await expect(page).toHaveURL(/actor=owner%40tokenward\.local/);
  await expect(page).toHaveURL(/action=ownership\.claim/);
  const rows = page.locator('[data-testid^="audit-row-"]');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) {
    expect(text).toContain("ownership.claim");
    expect(text).toContain("owner@tokenward.local");
  }
  // The filters survive a reload (they are the URL) and show in the form.
  await page.reload();
  await expect(page.getByLabel("Action")).toHaveValue("ownership.claim");

  // A time range before any event: nothing matches.
  await page.goto("/audit?to=2000-01-01");
  await expect(page.getByText("No event matches these filters")).toBeVisible();

  // Keyset paging with small pages through the API: no row twice.
  const seen = new Set<string>();
  let cursor: string | null = null;
  for (let i = 0; i < 3; i++) {
    const res = await page.request.get(`/api/v1/audit/events?limit=5${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { items: { seq: string }[]; nextCursor: string | null };
    for (const item of body.items) {
      expect(seen.has(item.seq)).toBe(false);
      seen.add(item.seq);
    }
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  // A tampered cursor: 400 from the API, a message (not an error page) on the page.
  const tampered = await page.request.get("/api/v1/audit/events?cursor=1.2.3");
  expect(tampered.status()).toBe(400);
  expect(((await tampered.json()) as { error: { code: string } }).error.code).toBe("VALIDATION");
  await page.goto("/audit?cursor=not-a-cursor");
  await expect(page.getByTestId("audit-query-error")).toContainText("Cursor is not one this page gave");
  expect((await page.request.get("/audit/999999999")).status()).toBe(404);

  // Verify now: the run is recorded and becomes the chain status every viewer sees.
  await page.goto("/audit");
  await page.getByTestId("verify-chain").click();
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-state", "ok");
  await expect(page.getByTestId("last-verification")).toHaveAttribute("data-state", "ok");
  await expect(page.getByTestId("last-verification")).toContainText("auditor@tokenward.local");
  await expect(page.getByTestId("first-break")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("last-verification")).toContainText("auditor@tokenward.local");
});

test("identity, MCP server and provider pages carry a History panel", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "security", { next: "/providers" });
  for (const list of ["/providers", "/identities", "/mcp-servers"]) {
    await page.goto(list);
    const href = await page.locator(`main a[href^="${list}/"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href")).find((h) => h && /\/[0-9a-f-]{36}$/.test(h)) ?? null);
    expect(href, `a detail link on ${list}`).not.toBeNull();
    await page.goto(href!);
    await expect(page.getByTestId("entity-history")).toBeVisible();
  }
});
