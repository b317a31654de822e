import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

/** Under 640 px the inventory's rows are cards that keep the risk in view, without sideways scrolling. */

test("at 390 px each credential is a card with its name, status, risk and owner visible", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "security", { next: "/inventory" });
  const rows = page.getByTestId("credential-row");
  await expect(rows.first()).toBeVisible();
  const table = page.getByTestId("credential-table");
  // No horizontal scroll: the cards fit the frame.
  const fits = await table.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth + 1);
  expect(fits).toBe(true);
  // The header row is for screen readers only on a phone.
  await expect(table.locator("thead")).toHaveCSS("position", "absolute");

  for (const row of (await rows.all()).slice(0, 5)) {
    const rowBox = (await row.boundingBox())!;
    expect(rowBox.width).toBeLessThanOrEqual(390);
    await expect(row.getByTestId("credential-link")).toBeVisible();
    for (const cell of ["risk", "status", "owner"]) {
      const el = row.locator(`[data-card-cell="${cell}"]`);
      await expect(el, cell).toBeVisible();
      const box = (await el.boundingBox())!;
      expect(box.x + box.width, cell).toBeLessThanOrEqual(390);
    }
    // The risk shows its level and its score.
    await expect(row.locator('[data-card-cell="risk"]')).toContainText(/(Critical|High|Medium|Low|Unscored)/i);
    await expect(row.locator('[data-card-cell="risk"]')).toContainText(/\d/);
  }
});

test("at 1280 px the inventory is still a table with its header", async ({ page }) => {
  await signIn(page, "security", { next: "/inventory" });
  await expect(page.getByTestId("credential-row").first()).toBeVisible();
  await expect(page.getByTestId("credential-table").locator("thead")).not.toHaveCSS("position", "absolute");
  await expect(page.getByTestId("credential-row").first()).toHaveCSS("display", "table-row");
});
