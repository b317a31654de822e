import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { connectGithubOrg } from "./support/github-provider";

/**
 * Rotation policy end to end: an admin connects a GitHub organisation (the suite's fake GitHub, its
 * own org so no other spec's revocations interfere) and syncs its PATs; adds a rule "rotate GitHub
 * PATs every 90 days", previews what it would do, saves it, runs the job now; the requests appear
 * in /workflows with the policy as requester. Security sees the policy read-only.
 */

test.describe.configure({ mode: "serial" });

const PROVIDER = `GitHub rotation e2e ${Date.now().toString(36)}`;

test("an admin adds a rotation rule, previews it, saves it, runs it, and the requests appear in Workflows", async ({ page }) => {
  test.setTimeout(180_000);
  const { providerId } = await connectGithubOrg(page, PROVIDER, "-rotation");

  await page.goto("/settings/rotation");
  const version = Number((await page.getByTestId("rotation-active-version").innerText()).replace("v", ""));
  await page.getByTestId("rule-add").click();
  const last = page.locator('[data-testid^="rule-"][data-testid$="-name"]').last();
  const index = Number((await last.getAttribute("data-testid"))!.split("-")[1]);
  await last.fill("GitHub PATs quarterly");
  await page.getByTestId(`rule-${index}-every`).fill("0");
  await expect(page.getByText("the rotation period must be at least 1 day")).toBeVisible();
  await expect(page.getByTestId("rotation-preview")).toBeDisabled();
  await page.getByTestId(`rule-${index}-every`).fill("90");
  await page.getByTestId(`rule-${index}-provider-${providerId}`).check();
  await page.getByTestId(`rule-${index}-kind-pat`).check();
  await expect(page.getByTestId("rotation-save")).toBeDisabled(); // not before a preview

  await page.getByTestId("rotation-preview").click();
  const summary = page.getByTestId("rotation-preview-summary");
  await expect(summary).toHaveText(/^This policy would request \d+ rotations? now$/, { timeout: 30_000 });
  const wouldRequest = Number((await summary.innerText()).match(/\d+/)![0]);
  expect(wouldRequest).toBeGreaterThan(0);
  await expect(page.getByTestId("rotation-preview-rule-github-pats-quarterly")).toContainText(`${wouldRequest} request`);
  await expect(page.getByTestId("rotation-preview-rule-github-pats-quarterly")).toContainText("where the owner creates the replacement");

  await page.getByTestId("rotation-comment").fill("Quarterly rotation of the org's PATs");
  await page.getByTestId("rotation-save").click();
  await expect(page.getByTestId("rotation-active-version")).toHaveText(`v${version + 1}`, { timeout: 30_000 });
  await expect(page.getByTestId("rotation-history")).toContainText("Quarterly rotation of the org's PATs");

  // The job runs hourly; "Run now" enqueues it for the app's worker.
  await page.getByTestId("rotation-run").click();
  await expect(page.getByTestId("rotation-run-state")).toContainText("Queued");
  const requester = `rotation policy v${version + 1} rule github-pats-quarterly`;
  await expect(async () => {
    await page.goto(`/workflows?view=all&provider=${providerId}`);
    await expect(page.getByTestId("workflow-row")).toHaveCount(wouldRequest, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("workflow-row").first()).toContainText(requester);
  await expect(page.getByTestId("workflow-row").first()).toHaveAttribute("data-state", "requested");

  // Running again opens nothing new: one open workflow per credential.
  await page.goto("/settings/rotation");
  await expect(page.getByTestId("rotation-requests")).toContainText("rule github-pats-quarterly");
  await page.getByTestId("rotation-run").click();
  await expect(page.getByTestId("rotation-run-state")).toContainText("Queued");
  await page.waitForTimeout(5_000);
  await page.goto(`/workflows?view=all&provider=${providerId}`);
  await expect(page.getByTestId("workflow-row")).toHaveCount(wouldRequest);

  // Security reads the policy but cannot change it.
  await signIn(page, "security", { next: "/settings/rotation" });
  await expect(page.getByTestId("rotation-read-only")).toBeVisible();
  await expect(page.getByTestId("rotation-save")).toHaveCount(0);
  await expect(page.getByTestId(`rule-${index}-name`)).toHaveValue("GitHub PATs quarterly");
});
