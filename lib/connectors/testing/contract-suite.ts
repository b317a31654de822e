import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAPABILITY_NAMES, type TConnectorContext, type TConnectorDefinition, type TCredentialRef, type TIssuedCredential, type TIssueRequest, type TSyncItem } from "../contract";
import { ProviderError } from "../provider-error";
import { closedPortUrl, startPeer } from "./peer";

/**
 * What every connector must do, run against a real peer. A connector's integration test calls
 * this with a fixture; capabilities declared unsupported are skipped, never silently passed.
 */
export type TContractFixture = {
  /** Starts the real peer; returns a working context and the pieces the hostile cases need. */
  setup: () => Promise<{
    ctx: TConnectorContext<unknown, unknown>;
    /** The same config pointed at another base URL (a garbage, failing, slow or absent peer). */
    atBaseUrl: (url: string) => TConnectorContext<unknown, unknown>;
    wrongSecret: TConnectorContext<unknown, unknown>;
    issueRequest: TIssueRequest;
    /** A credential this provider never issued, named the way its verify expects (default: a made-up value). */
    unknownCredential?: TCredentialRef;
    /** What verify must report as the audience of an issued credential. */
    expectedAudience?: string;
    /** False for providers whose credentials never expire (AWS access keys): verify must then report no expiry. */
    issuedCredentialsExpire?: boolean;
    /** Required when the connector declares sync: creates credentials upstream, and deletes one. */
    sync?: {
      seed: (count: number) => Promise<{ ctx: TConnectorContext<unknown, unknown>; credentialIds: string[]; secrets: string[] }>;
      remove: (credentialExternalId: string) => Promise<void>;
    };
    close: () => Promise<void>;
  }>;
};

async function collect(items: AsyncIterable<TSyncItem>): Promise<TSyncItem[]> {
  const out: TSyncItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** An issued credential named both ways, with what was recorded at issue, as the workflows will hold it until it is delivered. */
const refTo = (issued: TIssuedCredential): TCredentialRef => ({ value: issued.value, externalId: issued.externalId, recorded: { scopes: issued.scopes, expiresAt: issued.expiresAt } });

async function providerFailure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected a ProviderError").toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

export function runConnectorContractSuite(name: string, definition: TConnectorDefinition, fixture: TContractFixture): void {
  describe(`connector contract: ${name}`, () => {
    let env: Awaited<ReturnType<TContractFixture["setup"]>>;
    let hostile: Awaited<ReturnType<typeof startPeer>>;
    beforeAll(async () => {
      env = await fixture.setup();
      hostile = await startPeer((req, res) => {
        // Matched anywhere in the path: RFC 8414 puts ".well-known/…" before the issuer's path.
        if (req.url?.includes("/garbage")) {
          res.writeHead(200, { "content-type": "text/html" });
          return res.end("<html>a login page</html>");
        }
        if (req.url?.includes("/slow")) return void setTimeout(() => res.end("{}"), 3000);
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("internal error");
      });
    });
    afterAll(async () => {
      await hostile?.close();
      await env?.close();
    });

    it("declares every capability, implemented or unsupported with a reason", () => {
      expect(definition.label.length).toBeGreaterThan(0);
      expect(definition.description.length).toBeGreaterThan(0);
      for (const cap of CAPABILITY_NAMES) {
        const declared = definition.capabilities[cap];
        expect(declared, cap).toBeDefined();
        if (!declared.supported) {
          expect(declared.reason.length, `${cap} reason`).toBeGreaterThan(10);
          continue;
        }
        expect(typeof declared.run, cap).toBe("function");
        if (declared.appliesTo) {
          expect(declared.appliesTo.kinds.length, `${cap} applies to some kind`).toBeGreaterThan(0);
          expect(declared.appliesTo.otherwise.length, `${cap}: why not the other kinds`).toBeGreaterThan(10);
        }
      }
      expect(definition.capabilities.testConnection.supported, "testConnection is required").toBe(true);
    });

    it("its schemas accept the working config and secret and refuse empty ones", () => {
      expect(definition.configSchema.safeParse(env.ctx.config).success).toBe(true);
      expect(definition.secretSchema.safeParse(env.ctx.secret).success).toBe(true);
      expect(definition.configSchema.safeParse({}).success).toBe(false);
      expect(definition.secretSchema.safeParse({}).success).toBe(false);
    });

    const test = () => {
      const cap = definition.capabilities.testConnection;
      if (!cap.supported) throw new Error("testConnection unsupported");
      return cap.run;
    };

    it("tests a working connection", async () => {
      const result = await test()(env.ctx);
      expect(result.ok).toBe(true);
      expect(result.detail.length).toBeGreaterThan(0);
    });

    it("a wrong secret fails the test, not retryable, with the provider's reason", async () => {
      const e = await providerFailure(test()(env.wrongSecret));
      expect(e.retryable).toBe(false);
      // 401 for OAuth's invalid_client; AWS answers a bad signature with 403 (SignatureDoesNotMatch).
      expect([401, 403]).toContain(e.status);
    });

    it("an unreachable provider fails the test, retryable", async () => {
      const e = await providerFailure(test()(env.atBaseUrl(await closedPortUrl())));
      expect([e.kind, e.retryable]).toEqual(["unreachable", true]);
    });

    it("a provider answering garbage fails the test with a clear message", async () => {
      const e = await providerFailure(test()(env.atBaseUrl(`${hostile.url}/garbage`)));
      expect([e.kind, e.retryable]).toEqual(["invalid_response", false]);
      // Names the format the provider should have answered in: JSON (OAuth) or XML (AWS's query APIs).
      expect(e.message).toMatch(/JSON|XML/);
    });

    it("a provider answering 500 fails the test, retryable", async () => {
      const e = await providerFailure(test()(env.atBaseUrl(`${hostile.url}/fail`)));
      expect([e.status, e.retryable]).toEqual([500, true]);
    });

    it("a provider slower than the timeout fails the test, retryable", async () => {
      const e = await providerFailure(test()({ ...env.atBaseUrl(`${hostile.url}/slow`), timeoutMs: 300 }));
      expect([e.kind, e.retryable]).toEqual(["timeout", true]);
    });

    const { issue, verify, revoke } = definition.capabilities;
    it.skipIf(!issue.supported || !verify.supported)("issues a credential that verifies active with its scopes, audience and expiry", async () => {
      if (!issue.supported || !verify.supported) return;
      const issued = await issue.run(env.ctx, env.issueRequest);
      expect(issued.value.length).toBeGreaterThan(0);
      const v = await verify.run(env.ctx, refTo(issued));
      expect(v.active).toBe(true);
      expect(v.scopes).toEqual(expect.arrayContaining(env.issueRequest.scopes));
      if (env.expectedAudience) expect(v.audience).toContain(env.expectedAudience);
      if (env.issuedCredentialsExpire === false) expect(v.expiresAt).toBeUndefined();
      else expect(v.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    });

    it.skipIf(!verify.supported)("verifies an unknown credential as inactive", async () => {
      if (!verify.supported) return;
      expect((await verify.run(env.ctx, env.unknownCredential ?? { value: "not-a-token-this-provider-issued" })).active).toBe(false);
    });

    it.skipIf(!issue.supported || !revoke.supported || !verify.supported)("a revoked credential verifies inactive", async () => {
      if (!issue.supported || !revoke.supported || !verify.supported) return;
      const issued = await issue.run(env.ctx, env.issueRequest);
      await revoke.run(env.ctx, refTo(issued));
      expect((await verify.run(env.ctx, refTo(issued))).active).toBe(false);
    });

    const { sync } = definition.capabilities;
    it.skipIf(!sync.supported)("syncs every upstream credential once, identities first, stable ids, no secret in what it yields", async () => {
      if (!sync.supported) return;
      expect(env.sync, "a connector that syncs gives the suite a way to create upstream credentials").toBeDefined();
      const seeded = await env.sync!.seed(3);
      const items = await collect(sync.run(seeded.ctx));
      const credentials = items.filter((i) => i.kind === "credential");
      expect(credentials.map((c) => c.externalId).sort()).toEqual([...seeded.credentialIds].sort());
      const identityOrder = new Map(items.flatMap((i, index) => (i.kind === "identity" ? [[i.externalId, index] as const] : [])));
      items.forEach((item, index) => {
        if (item.kind === "credential" && item.identityExternalId) expect(identityOrder.get(item.identityExternalId), "identity before its credential").toBeLessThan(index);
      });
      const progress = items.filter((i) => i.kind === "progress");
      progress.forEach((p, index) => {
        if (index > 0) expect(p.seen).toBeGreaterThanOrEqual(progress[index - 1]!.seen);
        if (p.total !== undefined) expect(p.seen).toBeLessThanOrEqual(p.total);
      });
      const yielded = JSON.stringify(items);
      for (const secret of seeded.secrets) expect(yielded.includes(secret), "a secret leaked into the sync stream").toBe(false);
      // A re-sync names the same credentials by the same ids: the inventory updates, never duplicates.
      const again = (await collect(sync.run(seeded.ctx))).filter((i) => i.kind === "credential").map((c) => c.externalId);
      expect(again.sort()).toEqual([...seeded.credentialIds].sort());
    });

    it.skipIf(!sync.supported)("a credential deleted upstream is no longer yielded", async () => {
      if (!sync.supported) return;
      const seeded = await env.sync!.seed(2);
      await env.sync!.remove(seeded.credentialIds[0]!);
      const ids = (await collect(sync.run(seeded.ctx))).filter((i) => i.kind === "credential").map((c) => c.externalId);
      expect(ids).toEqual([seeded.credentialIds[1]]);
    });
  });
}
