import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

/**
 * The hand-written menu (popover API) and dialog (<dialog>) primitives, by keyboard only: the ARIA
 * menu pattern's arrows, Home/End and type-ahead, Escape, and focus back on the trigger.
 */

const focusedText = (page: import("@playwright/test").Page) => page.evaluate(() => (document.activeElement?.textContent ?? "").trim());

test("a menu opens on the keyboard and moves with arrows, Home/End and type-ahead; Escape returns focus", async ({ page }) => {
  await signIn(page, "security", { next: "/inventory" });
  const trigger = page.getByTestId("filter-status");
  await trigger.focus();
  await page.keyboard.press("ArrowDown");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  const labels = (await menu.getByRole("menuitemcheckbox").allTextContents()).map((t) => t.trim());
  expect(labels.length).toBeGreaterThan(2);

  expect(await focusedText(page)).toBe(labels[0]);
  await page.keyboard.press("ArrowDown");
  expect(await focusedText(page)).toBe(labels[1]);
  await page.keyboard.press("End");
  expect(await focusedText(page)).toBe(labels.at(-1));
  await page.keyboard.press("ArrowDown"); // wraps around
  expect(await focusedText(page)).toBe(labels[0]);
  await page.keyboard.press("ArrowUp");
  expect(await focusedText(page)).toBe(labels.at(-1));
  await page.keyboard.press("Home");
  expect(await focusedText(page)).toBe(labels[0]);

  const target = labels.find((l, i) => i > 0 && !labels.slice(0, i).some((p) => p[0]!.toLowerCase() === l[0]!.toLowerCase()))!;
  await page.keyboard.press(target[0]!.toLowerCase());
  expect(await focusedText(page)).toBe(target);

  // Space toggles the focused checkbox item without closing the menu.
  await page.keyboard.press(" ");
  await expect(menu.getByRole("menuitemcheckbox", { name: target })).toHaveAttribute("aria-checked", "true");
  await expect(menu).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(trigger).toHaveAttribute("aria-expanded", "false");
});

test("a dialog takes focus, closes on Escape and gives focus back to what opened it", async ({ page }) => {
  await signIn(page, "security", { next: "/inventory" });
  const opener = page.getByTestId("more-filters");
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest("dialog")))).toBe(true);
  // Tab stays inside the modal dialog.
  for (let i = 0; i < 12; i++) await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")) || document.activeElement === document.body)).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});
