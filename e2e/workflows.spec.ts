import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { activeAtPeer, addPeerProvider, issuePeerToken } from "./support/oauth-peer-provider";
import { pickOwner } from "./support/owner-picker";

/**
 * Rotation and revocation end to end, against the suite's real authorization server: a token is
 * issued through Tokenward and handed to its owner; security requests its rotation; the owner
 * approves, reveals the new secret once and confirms the cut-over; the worker revokes the old one.
 * The test then asks the authorization server itself: old token inactive, new one active. And a
 * break-glass revocation by security, with no approval.
 */

test.describe.configure({ mode: "serial" });

// Unique per worker: a retry (new worker) adds its own provider rather than colliding with the first.
const PROVIDER = `E2E workflow server ${Date.now().toString(36)}`;
let credentialUrl = "";
let oldToken = "";

const addProvider = (page: Page) => addPeerProvider(page, PROVIDER);
const issueToken = (page: Page, name: string) => issuePeerToken(page, name, { ephemeral: false });

test("security requests a rotation; the owner approves, reveals once, cuts over; the old token dies at the provider", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "admin");
  await addProvider(page);
  oldToken = await issueToken(page, "orders agent token");
  expect(await activeAtPeer(oldToken)).toBe(true);
  await page.getByTestId("provider-issued-link").click();
  await expect(page.getByTestId("credential-name")).toHaveText("orders agent token");
  credentialUrl = new URL(page.url()).pathname;
  // Hand it to its owner.
  await page.getByTestId("assign-owner-open").click();
  await pickOwner(page, "assign-owner-select", "owner@tokenward", /owner@tokenward\.local/);
  await page.getByTestId("assign-owner-submit").click();
  await expect(page.getByTestId("credential-history")).toContainText("ownership.assign");

  // Security asks for a rotation; the provider revokes by value (RFC 7009), so the value is asked for.
  await signIn(page, "security", { next: credentialUrl });
  await page.getByTestId("request-rotation").click();
  await page.getByTestId("request-rotation-reason").fill("90-day rotation");
  await page.getByTestId("request-rotation-value").fill(`${oldToken}-typo`);
  await page.getByTestId("request-rotation-submit").click();
  await expect(page.getByText("Not this credential's value")).toBeVisible();
  await page.getByTestId("request-rotation-value").fill(oldToken);
  await page.getByTestId("request-rotation-submit").click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  const workflowUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("workflow-state")).toHaveAttribute("data-state", "requested");
  // Security cannot approve a credential it does not own.
  await expect(page.getByTestId("workflow-approve")).toHaveCount(0);

  // The owner sees it waiting, approves it.
  await signIn(page, "owner");
  await expect(page.getByTestId("nav-count-workflows").first()).toHaveText(/1/);
  await page.goto("/workflows?view=approvals");
  await page.getByTestId("workflow-row").getByRole("link", { name: "orders agent token" }).click();
  await expect(page).toHaveURL(new RegExp(`${workflowUrl}$`));
  await page.getByTestId("workflow-approve").click();
  await page.getByTestId("workflow-approve-comment").fill("go ahead");
  await page.getByTestId("workflow-approve-confirm").click();
  // The in-app worker issues, delivers and verifies the new token, then waits for the owner.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("workflow-state")).toHaveAttribute("data-state", "awaiting_cutover", { timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  expect(await activeAtPeer(oldToken)).toBe(true);

  await page.getByTestId("workflow-reveal").click();
  await page.getByTestId("workflow-reveal-confirm").click();
  const newToken = await page.getByTestId("workflow-secret").inputValue();
  expect(newToken).not.toBe(oldToken);
  expect(await activeAtPeer(newToken)).toBe(true);
  await page.getByTestId("workflow-secret-done").click();
  await expect(page.getByTestId("workflow-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(newToken);

  await page.getByTestId("workflow-confirm_cutover").click();
  await page.getByTestId("workflow-confirm_cutover-confirm").click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("workflow-state")).toHaveAttribute("data-state", "completed", { timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  // The provider's own answer: the old token is dead, the new one lives.
  expect(await activeAtPeer(oldToken)).toBe(false);
  expect(await activeAtPeer(newToken)).toBe(true);
  await expect(page.getByTestId("workflow-timeline")).toContainText("Cut-over confirmed");
  await expect(page.getByTestId("workflow-reveal")).toHaveCount(0);
  await page.goto(credentialUrl);
  await expect(page.getByTestId("credential-workflows")).toContainText("Completed");
});

test("break-glass: security revokes at once with a reason, flagged in the list", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin", { next: "/providers" });
  await page.getByRole("link", { name: PROVIDER }).first().click();
  const leaked = await issueToken(page, "token pasted in a public gist");
  await page.getByTestId("provider-issued-link").click();
  await expect(page.getByTestId("credential-name")).toHaveText("token pasted in a public gist");
  const url = new URL(page.url()).pathname;

  await signIn(page, "security", { next: url });
  await page.getByTestId("request-break_glass").click();
  await page.getByTestId("request-break_glass-reason").fill("leak");
  await page.getByTestId("request-break_glass-value").fill(leaked);
  await page.getByTestId("request-break_glass-submit").click();
  await expect(page.getByText(/at least 10 characters/)).toBeVisible();
  await page.getByTestId("request-break_glass-reason").fill("found in a public gist, INC-2041");
  await page.getByTestId("request-break_glass-submit").click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("workflow-state")).toHaveAttribute("data-state", "completed", { timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  expect(await activeAtPeer(leaked)).toBe(false);
  await page.goto("/workflows?view=all&breakGlass=1");
  await expect(page.getByTestId("workflow-row").filter({ hasText: "token pasted in a public gist" })).toContainText("Break-glass");
});

test("an auditor sees workflows and their timelines, and no control", async ({ page }) => {
  await signIn(page, "auditor", { next: "/workflows?view=all" });
  await page.getByTestId("workflow-row").first().getByRole("link").first().click();
  await expect(page.getByTestId("workflow-timeline")).toBeVisible();
  await expect(page.getByTestId("workflow-actions")).toHaveCount(0);
  const bad = await page.goto("/workflows?view=nope");
  expect(bad?.status()).toBe(200);
  await expect(page.getByTestId("workflows-bad-query")).toContainText("view must be one of");
});
