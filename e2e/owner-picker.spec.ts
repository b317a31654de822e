import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

/**
 * Ownership at scale, as people use it: the searchable owner picker (type, keyboard, pick, saved),
 * the new owner told by the bell, and "select all N matching this filter" assigning on the server.
 */

type TItem = { id: string; name: string; team: { id: string; name: string } | null };

test("security searches the owner picker by keyboard and assigns; the owner's bell tells them and links to it", async ({ page }) => {
  await signIn(page, "security", { next: "/inventory?owner=none&status=active&sort=name" });
  const link = page.getByTestId("credential-link").first();
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByTestId("credential-name")).toHaveText(name);
  await page.getByTestId("assign-owner-open").click();
  const dialog = page.getByRole("dialog");
  const owner = dialog.getByTestId("assign-owner-select");
  await expect(owner).toHaveAttribute("role", "combobox");
  // Focus alone (the dialog's first field) leaves the list closed; ↓ opens it.
  await owner.focus();
  await expect(owner).toHaveAttribute("aria-expanded", "false");
  await owner.press("ArrowDown");
  await expect(owner).toHaveAttribute("aria-expanded", "true");
  await expect(dialog.getByTestId("assign-owner-select-keep")).toBeVisible();

  // Nothing matches: said so.
  await owner.fill("zzqx-nobody");
  await expect(dialog.getByTestId("assign-owner-select-empty")).toHaveText("No match for “zzqx-nobody”");
  // Escape closes the list, not the dialog.
  await owner.press("Escape");
  await expect(owner).toHaveAttribute("aria-expanded", "false");
  await expect(dialog).toBeVisible();

  // Type, arrow to the option, Enter.
  await owner.fill("OLIV");
  const options = dialog.getByTestId("assign-owner-select-list").getByRole("option");
  await expect(options.first()).toContainText("Olivia Owner");
  await owner.press("ArrowDown");
  await owner.press("ArrowUp");
  await expect(owner).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
  await owner.press("Enter");
  await expect(owner).toHaveAttribute("aria-expanded", "false");
  await expect(owner).toHaveValue("Olivia Owner — owner@tokenward.local");
  await dialog.getByTestId("assign-owner-submit").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("detail-owner")).toContainText("Olivia Owner");
  const credentialPath = new URL(page.url()).pathname;

  // The owner is told.
  await signIn(page, "owner", { next: "/" });
  await expect(page.getByTestId("notifications-unread")).toBeVisible();
  await page.getByTestId("notifications-open").click();
  const item = page.getByTestId("notification-item").filter({ hasText: name }).first();
  await expect(item).toContainText(`The credential “${name}” was assigned to you`);
  await expect(item).toHaveAttribute("data-read", "false");
  await item.click();
  await expect(page).toHaveURL(new RegExp(`${credentialPath}$`));
  await expect(page.getByTestId("credential-name")).toHaveText(name);
  await page.getByTestId("notifications-open").click();
  await expect(page.getByTestId("notification-item").filter({ hasText: name }).first()).toHaveAttribute("data-read", "true");
  await page.keyboard.press("Escape");
  // Mark all read empties the count.
  if (await page.getByTestId("notifications-unread").isVisible()) {
    await page.getByTestId("notifications-open").click();
    await page.getByTestId("notifications-mark-all").click();
    await expect(page.getByTestId("notifications-unread")).toBeHidden();
  }
});

test("select all N matching this filter: the server assigns every match, the inventory shows them assigned", async ({ page }) => {
  await signIn(page, "security", { next: "/inventory?status=revoked&limit=5&sort=name" });
  const total = ((await (await page.request.get("/api/v1/credentials/count?status=revoked")).json()) as { value: number }).value;
  expect(total, "the seed has more revoked credentials than one page of 5").toBeGreaterThan(5);
  await expect(page.getByTestId("credential-table")).toHaveAttribute("aria-busy", "false");
  await page.getByTestId("select-page").check();
  await expect(page.getByTestId("selection-count")).toHaveText("5 selected");
  await page.getByTestId("select-matching").click();
  await expect(page.getByTestId("selection-count")).toHaveText(`All ${total} matching selected`);
  await page.getByTestId("assign-owner-open").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText(`Assign ${total} credentials`);
  const team = dialog.getByTestId("assign-team-select");
  await team.click();
  await team.fill("a");
  const option = dialog.getByTestId("assign-team-select-list").getByRole("option").first();
  await expect(option).toBeVisible();
  const teamName = (await option.textContent())!.trim();
  await option.click();
  await dialog.getByTestId("assign-owner-submit").click();
  await expect(page.getByTestId("inventory-notice")).toContainText(`Updated`);

  // Every revoked credential now has that team — more than the 5 on screen.
  const items = ((await (await page.request.get("/api/v1/credentials?status=revoked&limit=200")).json()) as { items: TItem[] }).items;
  expect(items).toHaveLength(total);
  expect(items.every((i) => i.team?.name === teamName)).toBe(true);
  await page.goto(`/inventory?status=revoked&team=${items[0]!.team!.id}&limit=5`);
  await expect(page.getByTestId("inventory-count")).toContainText(`${total} credentials`);
});
