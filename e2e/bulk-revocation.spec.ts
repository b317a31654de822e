import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { connectGithubOrg } from "./support/github-provider";

/**
 * Bulk (break-glass) revocation end to end, against the suite's fake GitHub (every request and
 * response checked against GitHub's OpenAPI description): an admin connects the organisation and
 * syncs its 40 PATs; security selects them in the inventory, reads the dry run, gives a reason,
 * and watches the batch revoke each one at GitHub; a re-sync then finds none left there.
 */

test.describe.configure({ mode: "serial" });

const PROVIDER = `GitHub e2e ${Date.now().toString(36)}`;

test("security revokes a provider's PATs in bulk: dry run, reason, progress, and GitHub agrees", async ({ page }) => {
  test.setTimeout(180_000);
  const { providerId, providerUrl } = await connectGithubOrg(page, PROVIDER);
  await expect(page.getByTestId("provider-sync-run").first()).toContainText("40 new");

  await signIn(page, "security", { next: `/inventory?provider=${providerId}` });
  await page.getByTestId("select-page").check();
  await expect(page.getByTestId("selection-bar")).toBeVisible();
  await page.getByTestId("bulk-revoke-open").click();
  await expect(page.getByTestId("bulk-eligible")).toHaveText(/^\d+$/, { timeout: 30_000 });
  const eligible = Number(await page.getByTestId("bulk-eligible").innerText());
  expect(eligible).toBeGreaterThan(0);
  await page.getByTestId("bulk-reason").fill("leak");
  await page.getByTestId("bulk-revoke-submit").click();
  await expect(page.getByText(/at least 10 characters/)).toBeVisible();
  await page.getByTestId("bulk-reason").fill("INC-2042: org PATs exposed in a CI log");
  await page.getByTestId("bulk-revoke-submit").click();
  await expect(page).toHaveURL(/\/workflows\/batches\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("batch-progress")).toHaveAttribute("data-running", "0", { timeout: 120_000 });
  await expect(page.getByTestId("batch-completed")).toHaveText(`${eligible} revoked`);
  await expect(page.getByTestId("batch-failed")).toHaveText("0 failed");
  await expect(page.getByTestId("batch-item").first()).toHaveAttribute("data-state", "completed");

  // GitHub's own list no longer has them: the next sync marks nothing as seen for those.
  await signIn(page, "admin", { next: providerUrl });
  await page.getByTestId("provider-sync-now").click();
  await expect(page.getByTestId("provider-sync-run").first()).toContainText(/0 unchanged/, { timeout: 60_000 });
});
