import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { signIn } from "./auth";
import { GITHUB_PEER_FILE } from "./e2e-env.mjs";

/**
 * One of the suite's fake GitHub organisations (e2e/support/github-peer.ts writes each org's file)
 * connected as a provider by an admin and synced once. `org` is the file's suffix: "" for the main
 * org, "-rotation", "-reviews" for the ones specs keep to themselves. Returns the provider's id and
 * leaves the page on it, signed in as admin.
 */
export async function connectGithubOrg(page: Page, name: string, org = ""): Promise<{ providerId: string; providerUrl: string }> {
  const file = path.resolve(import.meta.dirname, "../..", GITHUB_PEER_FILE.replace(/\.json$/, `${org}.json`));
  const gh = JSON.parse(readFileSync(file, "utf8")) as { url: string; org: string; appId: string; privateKey: string };
  await signIn(page, "admin", { next: "/providers/new" });
  await page.getByTestId("provider-type").selectOption("github");
  await page.getByTestId("provider-name").fill(name);
  await page.getByTestId("provider-config-org").fill(gh.org);
  await page.getByTestId("provider-config-appId").fill(gh.appId);
  await page.getByTestId("provider-config-apiBaseUrl").fill(gh.url);
  await page.getByTestId("provider-secret-privateKey").fill(gh.privateKey);
  await page.getByTestId("provider-save").click();
  await expect(page.getByTestId("provider-name")).toHaveText(name, { timeout: 30_000 });
  await page.getByTestId("provider-sync-now").click();
  await expect(page.getByTestId("provider-sync-run").first()).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  const providerUrl = new URL(page.url()).pathname;
  return { providerId: providerUrl.split("/").pop()!, providerUrl };
}
