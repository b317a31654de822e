import { expect, type Page } from "@playwright/test";
import { PEER_CLIENT, PEER_RESOURCE } from "../../lib/connectors/testing/oauth-peer";
import { CONNECTOR_PEER_ISSUER } from "./e2e-env.mjs";

/** The suite's real authorization server (oidc-provider) as a Tokenward provider, and what the tests ask it directly. */

/** RFC 7662 introspection at the peer, as the test's own client: the provider's answer, not Tokenward's. */
export async function activeAtPeer(token: string): Promise<boolean> {
  const metadata = (await (await fetch(`${CONNECTOR_PEER_ISSUER}/.well-known/openid-configuration`)).json()) as { introspection_endpoint: string };
  const response = await fetch(metadata.introspection_endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${PEER_CLIENT.clientId}:${PEER_CLIENT.clientSecret}`).toString("base64")}` },
    body: new URLSearchParams({ token }).toString(),
  });
  return ((await response.json()) as { active: boolean }).active;
}

/** Adds the peer as an OAuth provider (signed in as admin); the page is left on the provider. */
export async function addPeerProvider(page: Page, name: string) {
  await page.goto("/providers/new");
  await page.getByTestId("provider-name").fill(name);
  await page.getByTestId("provider-config-issuer").fill(CONNECTOR_PEER_ISSUER);
  await page.getByTestId("provider-config-clientId").fill(PEER_CLIENT.clientId);
  await page.getByTestId("provider-config-defaultResource").fill(PEER_RESOURCE);
  await page.getByTestId("provider-secret-clientSecret").fill(PEER_CLIENT.clientSecret);
  await page.getByTestId("provider-save").click();
  await expect(page.getByTestId("provider-name")).toHaveText(name, { timeout: 30_000 });
}

/** Issues a token from the provider page; returns its value (shown once). */
export async function issuePeerToken(page: Page, name: string, options: { ephemeral?: boolean } = {}): Promise<string> {
  await page.getByTestId("provider-issue").click();
  await page.getByTestId("issue-name").fill(name);
  await page.getByTestId("issue-scopes").fill("inventory:read");
  if (options.ephemeral !== undefined) await page.getByTestId("issue-ephemeral").setChecked(options.ephemeral);
  await page.getByTestId("issue-submit").click();
  const value = await page.getByTestId("provider-issued-value").inputValue();
  expect(value.length).toBeGreaterThan(20);
  return value;
}
