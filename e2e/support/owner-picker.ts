import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Drives the owner picker (components/ownership/owner-combobox.tsx) the way a person does: focus,
 * type, wait for the server's answer, pick an option — returns the picked option's name.
 */
export async function pickOwner(scope: Page | Locator, testId: string, text: string, match?: string | RegExp): Promise<string> {
  const input = scope.getByTestId(testId);
  await input.click();
  await input.fill(text);
  const option = scope.getByTestId(`${testId}-list`).getByRole("option").filter({ hasText: match ?? text }).first();
  await expect(option).toBeVisible();
  const name = (await option.locator("span.block").first().textContent())!.trim();
  await option.click();
  await expect(input).toHaveAttribute("aria-expanded", "false");
  return name;
}
