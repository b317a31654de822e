import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { connectGithubOrg } from "./support/github-provider";

/**
 * An access review campaign end to end: an admin connects a GitHub organisation (the suite's fake
 * GitHub, its own org) and syncs its PATs, which nobody owns; security launches a campaign over
 * them from the inventory filter with Olivia Owner as the orphans' reviewer; the auditor reads it
 * but has nothing to attest or close; Olivia attests keep, then rotate in bulk, then changes one to
 * revoke; security closes the campaign and the rotation and revocation requests are in Workflows.
 */

test.describe.configure({ mode: "serial" });

const PROVIDER = `GitHub reviews e2e ${Date.now().toString(36)}`;
const CAMPAIGN = `Q4 review ${Date.now().toString(36)}`;

test("security launches a review, the owner attests keep / rotate / revoke, the auditor only reads, closing opens the requests", async ({ page }) => {
  test.setTimeout(240_000);
  const { providerId } = await connectGithubOrg(page, PROVIDER, "-reviews");

  // Security: the inventory's filter is the scope; the preview counts it.
  await signIn(page, "security", { next: "/reviews" });
  await page.getByTestId("new-campaign").click();
  await expect(page).toHaveURL(/\/reviews\/new\?status=active$/);
  // Every PAT of the org, whatever its status (the fake GitHub generates some expired).
  await page.goto(`/reviews/new?provider=${providerId}`);
  await expect(page.getByTestId("campaign-preview-count")).toHaveText(/^\d+ credentials will be reviewed\.$/, { timeout: 30_000 });
  const total = Number((await page.getByTestId("campaign-preview-count").innerText()).split(" ")[0]);
  expect(total).toBeGreaterThanOrEqual(3);
  await page.getByTestId("campaign-name").fill(CAMPAIGN);
  // Orphans need a reviewer: launching without one is refused with the reason.
  await page.getByTestId("campaign-launch").click();
  await expect(page.getByTestId("campaign-error")).toContainText("orphaned");
  await page.getByTestId("campaign-orphan-reviewer").selectOption({ label: "Olivia Owner (owner)" });
  await page.getByTestId("campaign-launch").click();
  await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const campaignUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("review-item")).toHaveCount(total);
  await expect(page.getByTestId("campaign-progress")).toContainText(`0 of ${total} decided`);
  await expect(page.getByTestId("reviewer-row")).toContainText("Olivia Owner");
  // Not security's items: nothing to attest here.
  await expect(page.getByTestId("review-item-keep")).toHaveCount(0);

  // The auditor reads everything and can do nothing.
  await signIn(page, "auditor", { next: campaignUrl });
  await expect(page.getByTestId("review-item")).toHaveCount(total);
  await expect(page.getByTestId("review-item-evidence").first()).toBeVisible();
  await expect(page.getByTestId("review-item-keep")).toHaveCount(0);
  await expect(page.getByTestId("review-item-select")).toHaveCount(0);
  await expect(page.getByTestId("campaign-close")).toHaveCount(0);
  await page.goto("/reviews/new");
  await expect(page.getByTestId("campaign-forbidden")).toBeVisible();

  // The owner finds it under My reviews and attests.
  await signIn(page, "owner", { next: "/reviews?view=mine" });
  await page.getByTestId("campaign-row").filter({ hasText: CAMPAIGN }).getByRole("link", { name: CAMPAIGN }).click();
  await expect(page).toHaveURL(new RegExp(`${campaignUrl}$`));
  const items = page.getByTestId("review-item");
  await expect(items).toHaveCount(total);
  const names = await items.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")!));
  const row = (name: string) => page.locator(`[data-testid="review-item"][data-name="${name}"]`);

  // Keep one, with a comment (an empty one is refused).
  await row(names[0]!).getByTestId("review-item-keep").click();
  await page.getByTestId("attest-confirm").click();
  await expect(page.getByTestId("attest-error")).toContainText("at least 3 characters");
  await page.getByTestId("attest-comment").fill("Used by the release pipeline");
  await page.getByTestId("attest-confirm").click();
  await expect(row(names[0]!)).toHaveAttribute("data-decision", "keep");

  // Rotate the other two in bulk, then change one to revoke.
  await row(names[1]!).getByTestId("review-item-select").check();
  await row(names[2]!).getByTestId("review-item-select").check();
  await page.getByTestId("review-bulk-rotate").click();
  await page.getByTestId("attest-comment").fill("Older than a year");
  await page.getByTestId("attest-confirm").click();
  await expect(row(names[1]!)).toHaveAttribute("data-decision", "rotate");
  await expect(row(names[2]!)).toHaveAttribute("data-decision", "rotate");
  await row(names[2]!).getByTestId("review-item-revoke").click();
  await page.getByTestId("attest-comment").fill("Nobody uses it any more");
  await page.getByTestId("attest-confirm").click();
  await expect(row(names[2]!)).toHaveAttribute("data-decision", "revoke");
  await expect(page.getByTestId("campaign-progress")).toContainText(`3 of ${total} decided`);
  await expect(page.getByTestId("campaign-close")).toHaveCount(0);

  // Security closes: the decisions become requests through the workflows.
  await signIn(page, "security", { next: campaignUrl });
  await page.getByTestId("campaign-close").click();
  await page.getByTestId("campaign-close-confirm").click();
  await expect(page.getByTestId("campaign-state")).toHaveAttribute("data-state", "closed", { timeout: 60_000 });
  await expect(page.getByTestId("campaign-outcomes")).toContainText("Requests opened2");
  await expect(page.getByTestId("review-item-workflow")).toHaveCount(2);

  await page.goto(`/workflows?view=all&provider=${providerId}`);
  const workflows = page.getByTestId("workflow-row");
  await expect(workflows).toHaveCount(2);
  await expect(workflows.filter({ hasText: names[1]! })).toContainText("Rotation");
  await expect(workflows.filter({ hasText: names[2]! })).toContainText("Revocation");
  await expect(workflows.first()).toContainText(`access review “${CAMPAIGN}”`);
});
