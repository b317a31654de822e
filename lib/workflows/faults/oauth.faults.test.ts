import { describe, it } from "vitest";
import { GLEWLWYD_CLIENT, GLEWLWYD_RESOURCE, startGlewlwydPeer, type TGlewlwydPeer } from "@/lib/connectors/testing/glewlwyd-peer";
import { glewlwydAvailability } from "@/lib/connectors/testing/glewlwyd-process";
import { PEER_CLIENT, PEER_RESOURCE, startOAuthPeer } from "@/lib/connectors/testing/oauth-peer";
import { matrix, oauthCase, faultSuite } from "@/lib/workflows/testing/fault-scenario";

/**
 * The fault matrix (lib/workflows/testing/fault-scenario.ts) against the two real OAuth servers:
 * oidc-provider (rotation and RFC 7009 revocation) and Glewlwyd 2.7.5 (rotation; its RFC 9068 JWT
 * access tokens), each behind the fault proxy.
 */

faultSuite("1-oauth");

let oidc: Awaited<ReturnType<typeof startOAuthPeer>> | undefined;
const oidcPeer = async () => (oidc ??= await startOAuthPeer());
matrix("oidc-provider rotation", async () => oauthCase("oidc-provider", "rotation", (await oidcPeer()).issuer, PEER_CLIENT, PEER_RESOURCE));
matrix("oidc-provider revocation", async () => oauthCase("oidc-provider", "revocation", (await oidcPeer()).issuer, PEER_CLIENT, PEER_RESOURCE), async () => {
  await oidc?.close();
  oidc = undefined;
});

const glewlwyd = glewlwydAvailability();
let glew: TGlewlwydPeer | undefined;
if (glewlwyd.installed) {
  matrix(
    "Glewlwyd rotation",
    async () => {
      glew = await startGlewlwydPeer();
      return oauthCase("Glewlwyd", "rotation", glew.issuer, GLEWLWYD_CLIENT, GLEWLWYD_RESOURCE);
    },
    async () => glew?.close(),
  );
} else {
  describe.skip(`Glewlwyd rotation (${glewlwyd.reason})`, () => {
    it("needs Glewlwyd", () => {});
  });
}
