import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

/**
 * Auto-refreshing access tokens (issue 10, part 1): a short-lived OAuth access token renewed by its
 * refresh token is badged as such, kept out of the "expiring soon — rotate" tiles and the view they
 * open, and its detail page names the refresh token that renews it.
 */

test.describe("auto-refreshing tokens", () => {
  test("are badged in the list and the detail, which links the refresh token", async ({ page }) => {
    await signIn(page, "security", { next: "/inventory?autoRefresh=only" });
    await expect(page.getByTestId("chip-autoRefresh")).toContainText("only");
    await expect(page.getByTestId("credential-table")).toHaveAttribute("aria-busy", "false");
    const rows = page.getByTestId("credential-row");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) await expect(row.getByTestId("auto-refresh-badge")).toBeVisible();

    await page.getByTestId("credential-link").first().click();
    await expect(page.getByTestId("summary-expires").getByTestId("auto-refresh-badge")).toBeVisible();
    const refreshedBy = page.getByTestId("detail-refreshed-by");
    await expect(refreshedBy).toContainText("renews this token before it lapses");
    await refreshedBy.getByRole("link").click();
    await expect(page).toHaveURL(/\/inventory\/[0-9a-f-]{36}$/);
    await expect(page.getByText("OAuth refresh token", { exact: true })).toBeVisible();
  });

  test("the expiring tile leaves them out, and says so in the view it opens", async ({ page }) => {
    await signIn(page, "security");
    const count = Number((await page.getByTestId("tile-expiring-30").textContent())!.replace(/\D/g, ""));
    await page.getByTestId("tile-expiring-30").click();
    await expect(page).toHaveURL(/autoRefresh=exclude/);
    await expect(page.getByTestId("chip-autoRefresh")).toContainText("left out");
    await expect(page.getByTestId("inventory-count")).toContainText(`${count} credential`);
    await expect(page.getByTestId("auto-refresh-badge")).toHaveCount(0);

    // The same choice from the "More filters" dialog.
    await page.goto("/inventory");
    await page.getByTestId("more-filters").click();
    await page.getByTestId("filter-auto-refresh").selectOption("only");
    await page.getByTestId("more-filters-apply").click();
    await expect(page).toHaveURL(/autoRefresh=only/);
    await expect(page.getByTestId("chip-autoRefresh")).toBeVisible();
  });

  test("an unknown choice is a clear error, not an empty list", async ({ page }) => {
    await signIn(page, "security", { next: "/inventory?autoRefresh=yes" });
    await expect(page.getByTestId("inventory-invalid")).toContainText('"yes" is not a value for auto-refresh (expected only, exclude)');
    const api = await page.request.get("/api/v1/credentials?autoRefresh=yes");
    expect(api.status()).toBe(400);
  });
});
