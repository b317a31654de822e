import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

test("an admin changes a user's role, and the change is in the verified audit trail", async ({ page }) => {
  await signIn(page, "admin", { next: "/settings/users" });
  // A seeded, active owner who is not one of the four demo users (other specs sign in as those).
  await expect(page.getByTestId("users-table")).toBeVisible();
  const email = await page.evaluate(() => {
    const demo = ["admin", "security", "owner", "auditor"].map((r) => `${r}@tokenward.local`);
    for (const row of document.querySelectorAll<HTMLElement>('[data-testid^="user-row-"]')) {
      const candidate = row.dataset.testid!.replace("user-row-", "");
      const role = row.querySelector<HTMLSelectElement>(`[data-testid="role-select-${candidate}"]`)?.value;
      const status = row.querySelector(`[data-testid="user-status-${candidate}"]`)?.textContent;
      if (!demo.includes(candidate) && role === "owner" && status?.includes("Active")) return candidate;
    }
    return null;
  });
  expect(email).not.toBeNull();
  await page.getByTestId(`role-select-${email}`).selectOption("auditor");
  await expect(page.getByTestId(`role-save-${email}`)).toBeEnabled();
  await page.getByTestId(`role-save-${email}`).click();
  await page.reload();
  await expect(page.getByTestId(`role-select-${email}`)).toHaveValue("auditor");

  await page.goto("/audit");
  // The newest role change (the every-minute expiry job may append system events meanwhile).
  const latest = page.locator('[data-testid^="audit-row-"]').filter({ hasText: "users.update_role" }).first();
  await expect(latest).toContainText("users.update_role");
  await expect(latest).toContainText("admin@tokenward.local");

  // Signing status is shown to every viewer, before any verification: the e2e key signs, no warning.
  await expect(page.getByTestId("signing-status")).toHaveAttribute("data-mode", "signed");
  await expect(page.getByTestId("signing-key")).toHaveText("e2e");
  await expect(page.getByTestId("unsigned-warning")).toHaveCount(0);

  await signIn(page, "auditor", { next: "/audit" });

  const download = page.waitForEvent("download");
  await page.getByTestId("audit-export").click();
  const lines = readFileSync(await (await download).path(), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  expect(lines[0]).toMatchObject({ type: "header", format: "tokenward.audit.v3" });
  // The export ends with a head signed by the key outside the database (e2e's key id), at the head it exported.
  const trailer = lines.at(-1);
  expect(trailer).toMatchObject({ type: "trailer", signedHead: { keyId: "e2e" } });
  expect(String(trailer.signedHead.seq)).toBe(String(trailer.head.seq));
  expect(trailer.signedHead.signature).toMatch(/^[A-Za-z0-9+/_=-]{40,}$/);
  expect(lines.some((l) => l.action === "users.update_role" && l.summary?.email === email)).toBe(true);

  // The export signed a checkpoint at its head: the page's last checkpoint follows (query invalidated on reload).
  await page.reload();
  await expect(page.getByTestId("last-checkpoint")).toContainText(`#${trailer.signedHead.seq}`);
  await expect(page.getByTestId("last-checkpoint")).toContainText("e2e");
  await expect(page.getByTestId("last-checkpoint")).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);

  // Verifying after the export: the chain and the checkpoint the export signed both check out.
  await page.getByTestId("verify-chain").click();
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-state", "ok");
  await expect(page.getByTestId("verify-result")).toContainText("Chain intact");
  await expect(page.getByTestId("verify-signatures")).toHaveAttribute("data-state", "verified");
  await expect(page.getByTestId("verify-signatures")).toContainText(/Signatures verified: \d+ checkpoints/);
  await expect(page.getByTestId("verify-signatures")).toContainText("e2e");
});

test("an admin creates a team and adds a member; a duplicate slug is refused", async ({ page }) => {
  await signIn(page, "admin", { next: "/settings/teams" });
  await page.getByTestId("create-team-name").fill("E2E Responders");
  await page.getByTestId("create-team-slug").fill("e2e-responders");
  await page.getByTestId("create-team-submit").click();
  await expect(page.getByTestId("team-card-e2e-responders")).toBeVisible();
  const select = page.getByTestId("add-member-select-e2e-responders");
  const ownerOption = await select.locator("option", { hasText: "owner@tokenward.local" }).getAttribute("value");
  await select.selectOption(ownerOption!);
  await page.getByTestId("add-member-submit-e2e-responders").click();
  await expect(page.getByTestId("team-member-e2e-responders-owner@tokenward.local")).toBeVisible();

  await page.getByTestId("create-team-name").fill("Duplicate");
  await page.getByTestId("create-team-slug").fill("e2e-responders");
  await page.getByTestId("create-team-submit").click();
  await expect(page.getByText(/already exists|Already taken/).first()).toBeVisible();
});
