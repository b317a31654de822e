import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GLEWLWYD_CLIENT, GLEWLWYD_RESOURCE, startGlewlwydPeer, type TGlewlwydPeer } from "@/lib/connectors/testing/glewlwyd-peer";
import { glewlwydAvailability } from "@/lib/connectors/testing/glewlwyd-process";
import { PEER_CLIENT, PEER_RESOURCE, startOAuthPeer } from "@/lib/connectors/testing/oauth-peer";
import { breakGlassOperation } from "@/lib/workflows/operations";
import { settle } from "@/lib/workflows/testing/fault-harness";
import { faultSuite, matrix, oauthCase, ok, reportRow, run, withDelivery, type TPeerCase } from "@/lib/workflows/testing/fault-scenario";

/**
 * The fault matrix (lib/workflows/testing/fault-scenario.ts) against the two real OAuth servers:
 * oidc-provider (rotation and RFC 7009 revocation) and Glewlwyd 2.7.5 (rotation; its RFC 9068 JWT
 * access tokens), each behind the fault proxy.
 */

const F = faultSuite("1-oauth");

let oidc: Awaited<ReturnType<typeof startOAuthPeer>> | undefined;
const oidcPeer = async () => (oidc ??= await startOAuthPeer());
matrix("oidc-provider rotation", async () => oauthCase("oidc-provider", "rotation", (await oidcPeer()).issuer, PEER_CLIENT, PEER_RESOURCE));
matrix("oidc-provider revocation", async () => oauthCase("oidc-provider", "revocation", (await oidcPeer()).issuer, PEER_CLIENT, PEER_RESOURCE), async () => {
  await oidc?.close();
  oidc = undefined;
});

// The one step whose outbound call is not the provider's: delivering the new secret to a signed webhook.
let receiver: (() => Promise<void>) | undefined;
let hookPeer: Awaited<ReturnType<typeof startOAuthPeer>> | undefined;
matrix(
  "oidc-provider rotation delivered to a webhook",
  async () => {
    hookPeer = await startOAuthPeer();
    const c = await withDelivery(await oauthCase("oidc-provider", "rotation", hookPeer.issuer, PEER_CLIENT, PEER_RESOURCE));
    receiver = c.closeReceiver;
    return c;
  },
  async () => {
    await receiver?.();
    await hookPeer?.close();
  },
  ["delivering"],
);

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

describe("graceful shutdown (SIGTERM)", () => {
  let peer: Awaited<ReturnType<typeof startOAuthPeer>>;
  let c: TPeerCase;
  beforeAll(async () => {
    peer = await startOAuthPeer();
    c = await oauthCase("oidc-provider", "revocation", peer.issuer, PEER_CLIENT, PEER_RESOURCE);
  });
  afterAll(async () => {
    await c?.proxy.close();
    await peer?.close();
  });

  it("a worker told to stop mid-step records that step, claims no other, exits 0; the next worker finishes", async () => {
    const t0 = Date.now();
    const subject = await c.subject();
    const calls = c.calls(subject);
    c.proxy.reset();
    c.proxy.arm({ match: calls.revokeOld, action: "crash" });
    const w = ok(await run(breakGlassOperation, F.actors.security, { credentialId: subject.credentialId, reason: "shutdown drill: SIGTERM mid-step", currentValue: subject.oldValue }));
    await c.proxy.held();
    const worker = F.workers.current!;
    F.workers.current = null;
    const exit = worker.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    c.proxy.release();
    expect(await exit).toEqual({ code: 0, signal: null });
    const stopped = await F.database.prisma.workflow.findUniqueOrThrow({ where: { id: w.id } });
    expect(stopped.state).toBe("verifying_old_revoked");
    expect(await F.database.prisma.workflowEvent.count({ where: { workflowId: w.id, type: "step_started", fromState: "verifying_old_revoked" } })).toBe(0);
    expect(worker.logTail()).toMatch(/job worker stopped/);
    await F.workers.start();
    expect((await settle({ prisma: F.database.prisma, workflowId: w.id, workers: F.workers })).state).toBe("completed");
    expect(c.proxy.log.filter((s) => calls.revokeOld(s) && s.status !== null)).toHaveLength(1);
    reportRow(["SIGTERM to a worker while revoking_old waits on oidc-provider", "the worker records revoking_old, claims nothing more, exits 0; a new worker completes it (1 revoke call)", ((Date.now() - t0) / 1000).toFixed(1)]);
  });
});
