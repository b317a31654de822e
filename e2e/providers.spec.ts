import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PEER_CLIENT } from "../lib/connectors/testing/oauth-peer";
import { signIn } from "./support/auth";
import { CONNECTOR_PEER_ISSUER, CONNECTOR_REGISTRATIONS_FILE } from "./support/e2e-env.mjs";

/**
 * Providers end to end, against a real authorization server (e2e/support/connector-peer.ts: the
 * suite's oidc-provider with 16 registered clients, answering slowly enough to watch a sync): an
 * admin's wrong secret is refused with the server's reason and nothing is saved; the right one is
 * tested and saved; a sync shows its progress and brings the clients' secrets into the inventory;
 * "verify now" asks the server about one of them. Security sees all of it and can change nothing.
 */

const registrations = () => readFileSync(path.resolve(import.meta.dirname, "..", CONNECTOR_REGISTRATIONS_FILE), "utf8");
const NAME = "E2E authorization server";

test.describe.configure({ mode: "serial" });

test("an admin adds an OAuth provider, tests it, syncs it with progress, and finds its credentials", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin", { next: "/providers" });
  await expect(page.getByRole("heading", { name: "Providers", level: 1 })).toBeVisible();
  const before = await page.getByTestId("providers-table").getByRole("row").count();
  await page.getByTestId("provider-add").click();
  await expect(page).toHaveURL(/\/providers\/new$/);

  // The form comes from the connector's schemas.
  await expect(page.getByTestId("provider-type")).toHaveValue("oauth");
  await page.getByTestId("provider-name").fill(NAME);
  await page.getByTestId("provider-config-issuer").fill(CONNECTOR_PEER_ISSUER);
  await page.getByTestId("provider-config-clientId").fill(PEER_CLIENT.clientId);
  await page.getByTestId("provider-secret-clientSecret").fill("not-the-secret");
  await page.getByTestId("provider-secret-registrations").fill(registrations());
  await page.getByTestId("provider-save").click();
  // The server's own reason; nothing saved.
  await expect(page.getByTestId("provider-form-error")).toContainText(/Connection test failed: .*401.*invalid_client/, { timeout: 30_000 });
  await expect(page).toHaveURL(/\/providers\/new$/);

  await page.getByTestId("provider-secret-clientSecret").fill(PEER_CLIENT.clientSecret);
  await page.getByTestId("provider-schedule").fill("0 3 * * *");
  await page.getByTestId("provider-save").click();
  await expect(page).toHaveURL(/\/providers\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByTestId("provider-name")).toHaveText(NAME);
  await expect(page.getByTestId("provider-secret-state")).toHaveText("Set (encrypted)");
  expect(await page.content()).not.toContain(PEER_CLIENT.clientSecret);
  await expect(page.getByTestId("capability-sync")).toHaveAttribute("data-supported", "true");
  await expect(page.getByTestId("capability-rotate")).toContainText("RFC 7592");

  await page.getByTestId("provider-test").click();
  await expect(page.getByTestId("provider-test-result")).toContainText("Connection works");
  await expect(page.getByTestId("provider-test-result")).toContainText("authenticated at the introspection endpoint");

  // Sync: the job runs in the app's worker; the peer answers each registration in 200 ms.
  await page.getByTestId("provider-sync-now").click();
  const progress = page.getByRole("progressbar", { name: "Sync progress" });
  await expect(progress).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("provider-sync-note")).toContainText(/ \/ 16 seen|Waiting/);
  await expect(page.getByTestId("provider-sync-run").first()).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("provider-sync-run").first()).toContainText("16 new");
  await expect(page.getByTestId("provider-counts")).toContainText("16");

  // One click to its credentials in the inventory.
  await page.getByTestId("provider-inventory-link").click();
  await expect(page).toHaveURL(/\/inventory\?provider=/);
  await expect(page.getByText("e2e agent 01 client secret")).toBeVisible();
  await page.getByText("e2e agent 01 client secret").click();
  await expect(page.getByTestId("credential-name")).toHaveText("e2e agent 01 client secret");

  // Verify now: the server is asked, and its answer is kept on the page.
  await expect(page.getByTestId("credential-capability-verify")).toHaveAttribute("data-supported", "true");
  await page.getByTestId("credential-verify").click();
  await expect(page.getByTestId("credential-verification")).toHaveAttribute("data-result", "active", { timeout: 15_000 });
  await expect(page.getByTestId("credential-verification")).toContainText("inventory:read");

  // The providers list shows it synced.
  await page.goto("/providers");
  await expect(page.getByTestId("providers-table").getByRole("row")).toHaveCount(before + 1);
  await expect(page.getByTestId(`provider-row-${NAME}`)).toContainText("Synced");
  await expect(page.getByTestId(`provider-row-${NAME}`)).toContainText("16");
});

test("security sees providers, their settings and history, but cannot add, edit, test or sync", async ({ page }) => {
  await signIn(page, "security", { next: "/providers" });
  await expect(page.getByTestId(`provider-row-${NAME}`)).toBeVisible();
  await expect(page.getByTestId("provider-add")).toHaveCount(0);
  await page.getByTestId(`provider-row-${NAME}`).getByRole("link", { name: NAME }).click();
  await expect(page.getByTestId("provider-name")).toHaveText(NAME);
  await expect(page.getByTestId("provider-settings")).toContainText(CONNECTOR_PEER_ISSUER);
  await expect(page.getByTestId("provider-sync-history")).toBeVisible();
  for (const control of ["provider-edit", "provider-delete", "provider-toggle", "provider-test", "provider-sync-now"]) await expect(page.getByTestId(control)).toHaveCount(0);
  const id = page.url().split("/").pop()!;
  await page.goto(`/providers/${id}/edit`);
  await expect(page.getByText("Providers are managed by admins")).toBeVisible();
  await expect(page.getByTestId("provider-form")).toHaveCount(0);
  await page.goto("/providers/new");
  await expect(page.getByText("Providers are managed by admins")).toBeVisible();
});

test("an unknown or malformed provider id is a 404", async ({ page }) => {
  await signIn(page, "auditor");
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
    const response = await page.goto(`/providers/${id}`);
    expect(response?.status()).toBe(404);
  }
});
