import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { pickOwner } from "./support/owner-picker";

/**
 * The inventory as people use it: filter, search, sort, page, share a URL, open a credential,
 * assign and claim ownership, and an auditor who can look at everything and change nothing.
 * The app under test is seeded with 300 credentials (seed 7) on a fresh embedded database.
 */

const rows = (page: Page) => page.getByTestId("credential-row");

async function rowIds(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-credential-id") ?? ""));
}

async function waitForSettled(page: Page) {
  await expect(page.getByTestId("credential-table")).toHaveAttribute("aria-busy", "false");
}

test.describe("inventory", () => {
  test("filters, searches, sorts and pages; the URL carries it all and the back button works", async ({ page }) => {
    await signIn(page, "security", { next: "/inventory" });
    await expect(rows(page)).toHaveCount(50);
    // The seed's 300, plus whatever earlier specs added (an API key is a credential too): ask the API.
    const total = ((await (await page.request.get("/api/v1/credentials/count")).json()) as { value: number }).value;
    expect(total).toBeGreaterThanOrEqual(300);
    await expect(page.getByTestId("inventory-count")).toContainText(`${total.toLocaleString("en-US")} credentials`);

    // Filter: status = active (a multi-select menu).
    await page.getByTestId("filter-status").click();
    await page.getByTestId("filter-status-option-active").click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/[?&]status=active(&|$)/);
    await waitForSettled(page);
    await expect(page.getByTestId("chip-status")).toContainText("Active");
    // The URL changes before the filtered page arrives: wait for the rows, not for a moment between.
    const statuses = () => page.locator('[data-testid="credential-row"] [data-status]').evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute("data-status")))]);
    await expect.poll(statuses).toEqual(["active"]);

    // Search by a word of the first row's name.
    const firstName = (await page.getByTestId("credential-link").first().textContent())!;
    const word = firstName.split(/[^A-Za-z0-9]+/).find((w) => w.length >= 4)!;
    await page.getByTestId("inventory-search").fill(word);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
    await waitForSettled(page);
    // Retried: the URL changes a moment before the table starts fetching the new page.
    await expect(async () => {
      for (const name of await page.getByTestId("credential-link").allTextContents()) expect(name.toLowerCase()).toContain(word.toLowerCase().slice(0, 4));
    }).toPass();
    await page.getByTestId("clear-filters").click();
    await expect(page).toHaveURL(/\/inventory$/);

    // Sort by expiry, soonest first, then the other way round.
    await page.getByTestId("sort-expires").click();
    await expect(page).toHaveURL(/sort=expires/);
    await expect(page.locator('th[aria-sort="ascending"]')).toContainText("Expires");
    await page.getByTestId("sort-expires").click();
    await expect(page).toHaveURL(/sort=expires&dir=desc/);
    await expect(page.locator('th[aria-sort="descending"]')).toContainText("Expires");
    await waitForSettled(page);

    // Keyset pages: next, previous, and the browser's back button. The URL changes a moment before
    // the table starts fetching, so each step waits for the rows it expects (or for new rows).
    const page1 = await rowIds(page);
    await page.getByTestId("page-next").click();
    await expect(page).toHaveURL(/after=/);
    await expect.poll(() => rowIds(page)).not.toEqual(page1);
    await waitForSettled(page);
    const page2 = await rowIds(page);
    expect(page2).toHaveLength(50);
    expect(page2.filter((id) => page1.includes(id))).toEqual([]);
    await page.getByTestId("page-next").click();
    await expect.poll(() => rowIds(page)).not.toEqual(page2);
    await waitForSettled(page);
    const page3 = await rowIds(page);
    expect(page3.filter((id) => page1.includes(id) || page2.includes(id))).toEqual([]);
    await page.getByTestId("page-prev").click();
    await expect(page).toHaveURL(/before=/);
    await expect.poll(() => rowIds(page)).toEqual(page2);
    await page.goBack();
    await expect.poll(() => rowIds(page)).toEqual(page3);
    await page.goBack();
    await page.goBack();
    await expect.poll(() => rowIds(page)).toEqual(page1);
    await waitForSettled(page);
    expect(await rowIds(page)).toEqual(page1);
  });

  test("a shared link opens the same view, and a bad one says what is wrong", async ({ page }) => {
    await signIn(page, "security", { next: "/inventory?status=active&neverExpires=1&sort=lastUsed&dir=asc" });
    await expect(page.getByTestId("chip-status")).toContainText("Active");
    await expect(page.getByTestId("chip-neverExpires")).toContainText("never");
    await expect(page.locator('th[aria-sort="ascending"]')).toContainText("Last used");
    const ids = await rowIds(page);
    await page.reload();
    await waitForSettled(page);
    expect(await rowIds(page)).toEqual(ids);
    for (const row of await rows(page).all()) await expect(row).toContainText("Never");

    // The "More filters" dialog writes to the same URL.
    await page.getByTestId("more-filters").click();
    await page.getByTestId("filter-exposed").check();
    await page.getByTestId("more-filters-apply").click();
    await expect(page).toHaveURL(/neverExpires=1.*exposed=1|exposed=1.*neverExpires=1/);
    await expect(page.getByTestId("chip-exposed")).toBeVisible();

    await page.goto("/inventory?status=gone&expiresWithin=0");
    await expect(page.getByTestId("inventory-invalid")).toContainText('"gone" is not a status');
  });

  test("an overview tile opens the credentials it counts", async ({ page }) => {
    await signIn(page, "security");
    const count = Number((await page.getByTestId("tile-never-expires").textContent())!.replace(/\D/g, ""));
    await page.getByTestId("tile-never-expires").click();
    await expect(page).toHaveURL(/\/inventory\?status=active&neverExpires=1/);
    await expect(page.getByTestId("inventory-count")).toContainText(`${count} credential`);
  });

  test("opens a credential with its fields, topology and history", async ({ page }) => {
    await signIn(page, "security", { next: "/inventory?shared=1" });
    const name = (await page.getByTestId("credential-link").first().textContent())!;
    await page.getByTestId("credential-link").first().click();
    await expect(page.getByTestId("credential-name")).toHaveText(name);
    await expect(page.getByTestId("detail-owner")).toBeVisible();
    await expect(page.getByTestId("summary-expires")).toBeVisible();
    await expect(page.getByTestId("bindings-table")).toBeVisible();
    await expect(page.getByTestId("topology").locator(".react-flow__node").first()).toBeVisible();
  });

  test("a risk factor on a credential opens every credential it applies to", async ({ page }) => {
    await signIn(page, "security", { next: "/inventory?sort=risk&dir=desc" });
    await waitForSettled(page);
    const [top] = await rowIds(page);
    await rows(page).first().getByTestId("credential-link").click();
    const link = page.locator('[data-testid^="factor-link-"]').first();
    const factor = (await link.getAttribute("data-testid"))!.replace("factor-link-", "");
    const title = (await link.textContent())!;
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/inventory\\?factor=${factor}$`));
    await expect(page.getByTestId("chip-factor")).toContainText(title);
    await waitForSettled(page);
    const count = ((await (await page.request.get(`/api/v1/credentials/count?factor=${factor}`)).json()) as { value: number }).value;
    expect(count).toBeGreaterThan(0);
    await expect(page.getByTestId("inventory-count")).toContainText(`${count.toLocaleString("en-US")} credential`);
    // The credential it came from carries the factor, and it ranked first overall: it ranks first here too.
    await page.goto(`/inventory?factor=${factor}&sort=risk&dir=desc`);
    await waitForSettled(page);
    expect((await rowIds(page))[0]).toBe(top);

    await page.goto("/inventory?factor=nope");
    await expect(page.getByTestId("inventory-invalid")).toContainText('"nope" is not a risk factor');
  });

  test("what a credential's scopes grant: the privilege filter, the Scopes column and the reasons on its page", async ({ page }) => {
    await signIn(page, "security", { next: "/inventory" });
    await waitForSettled(page);
    await page.getByTestId("more-filters").click();
    await page.getByTestId("filter-privilege-wildcard").check();
    await page.getByTestId("more-filters-apply").click();
    await expect(page).toHaveURL(/privilege=wildcard/);
    await expect(page.getByTestId("chip-privilege")).toContainText("wildcard");
    await waitForSettled(page);
    const count = ((await (await page.request.get("/api/v1/credentials/count?privilege=wildcard")).json()) as { value: number }).value;
    expect(count).toBeGreaterThan(0);
    await expect(page.getByTestId("inventory-count")).toContainText(`${count.toLocaleString("en-US")} credential`);

    // The Scopes column: every row of this view carries a wildcard badge.
    await page.getByTestId("column-chooser").click();
    await page.getByTestId("column-chooser-option-scopes").click();
    await page.keyboard.press("Escape");
    const cells = page.getByTestId("scopes-cell");
    await expect(cells.first()).toBeVisible();
    const n = await cells.count();
    expect(n).toBe(await rows(page).count());
    for (let i = 0; i < n; i++) await expect(cells.nth(i).getByTestId("privilege-wildcard")).toBeVisible();

    // Its page names each scope's class and why.
    await rows(page).first().getByTestId("credential-link").click();
    const wildcard = page.getByTestId("detail-scope").filter({ has: page.getByTestId("privilege-wildcard") }).first();
    await expect(wildcard).toBeVisible();
    await expect(wildcard).toContainText(/\w+/);

    await page.goto("/inventory?privilege=superuser");
    await expect(page.getByTestId("inventory-invalid")).toContainText('"superuser" is not a privilege');
  });

  test("security assigns an owner to a selection; each credential's history shows it", async ({ page }) => {
    await signIn(page, "security", { next: "/inventory?owner=none&sort=name" });
    await waitForSettled(page);
    const [first, second] = await rowIds(page);
    await rows(page).nth(0).getByTestId("select-row").check();
    await rows(page).nth(1).getByTestId("select-row").check();
    await expect(page.getByTestId("selection-bar")).toContainText("2 selected");
    await page.getByTestId("assign-owner-open").click();
    await pickOwner(page, "assign-owner-select", "olivia", "owner@tokenward.local");
    await page.getByTestId("assign-owner-submit").click();
    await expect(page.getByTestId("inventory-notice")).toContainText("Updated 2 credentials");
    // They no longer match "no owner".
    await waitForSettled(page);
    expect(await rowIds(page)).not.toContain(first);

    await page.goto(`/inventory/${second}`);
    await expect(page.getByTestId("detail-owner")).toContainText("Olivia Owner");
    await expect(page.getByTestId("credential-history")).toContainText("ownership.assign");
    await expect(page.getByTestId("credential-history")).toContainText("security@tokenward.local");
  });

  test("an owner claims an orphan, sees it in the history and under My credentials", async ({ page }) => {
    // Without a team: neither the owner nor their team owns it, so claiming is the only control.
    await signIn(page, "owner", { next: "/inventory?orphaned=1&team=none&status=active&sort=name" });
    const name = (await page.getByTestId("credential-link").first().textContent())!;
    await page.getByTestId("credential-link").first().click();
    await expect(page.getByTestId("credential-name")).toHaveText(name);
    await expect(page.getByTestId("assign-owner-open")).toHaveCount(0);
    await page.getByTestId("claim-ownership").click();
    await expect(page.getByTestId("detail-owner")).toContainText("Olivia Owner");
    await expect(page.getByTestId("credential-history")).toContainText("ownership.claim");
    await expect(page.getByTestId("claim-ownership")).toHaveCount(0);

    await page.goto("/my-credentials?sort=name");
    await page.getByTestId("inventory-search").fill(name.split(" ")[0]!);
    await expect(page.getByTestId("credential-link").filter({ hasText: name })).toBeVisible();
  });

  test("an auditor sees everything and can change nothing", async ({ page }) => {
    await signIn(page, "auditor", { next: "/inventory?orphaned=1" });
    await expect(rows(page).first()).toBeVisible();
    await rows(page).first().getByTestId("select-row").check();
    await expect(page.getByTestId("selection-bar")).toBeVisible();
    await expect(page.getByTestId("assign-owner-open")).toHaveCount(0);
    await expect(page.getByTestId("claim-ownership")).toHaveCount(0);
    await page.getByTestId("credential-link").first().click();
    await expect(page.getByTestId("credential-detail")).toBeVisible();
    await expect(page.getByTestId("assign-owner-open")).toHaveCount(0);
    await expect(page.getByTestId("claim-ownership")).toHaveCount(0);
    await page.goto("/identities");
    await expect(page.getByTestId("identity-row").first()).toBeVisible();
    await page.goto("/mcp-servers");
    await page.getByTestId("mcp-server-link").first().click();
    await expect(page.getByTestId("mcp-server-name")).toBeVisible();
  });
});
