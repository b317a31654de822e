import { expect } from "vitest";
import type { TCredentialRef } from "@/lib/connectors/contract";
import { fingerprintOf } from "@/lib/connectors/fingerprint";
import { CONNECTORS } from "@/lib/connectors/registry";
import { errorResponse } from "@/lib/connectors/testing/aws-iam-recorded";
import { startIamPeer, type TIamPeer } from "@/lib/connectors/testing/aws-iam-peer";
import { createKey, createUsers, peerContext as iamContext } from "@/lib/connectors/testing/aws-iam-seed";
import { githubFixture } from "@/lib/connectors/testing/github-peer/fixture";
import { startGithubPeer, type TGithubPeer } from "@/lib/connectors/testing/github-peer/server";
import { createProviderOperation } from "@/lib/providers/operations";
import { syncProvider } from "@/lib/providers/services/sync-provider";
import { form, matrix, ok, run, faultSuite } from "@/lib/workflows/testing/fault-scenario";
import { startFaultProxy, type TSeen } from "@/lib/workflows/testing/fault-proxy";

/**
 * The fault matrix (lib/workflows/testing/fault-scenario.ts) against AWS IAM (emulate behind the
 * SigV4 front: rotation = CreateAccessKey for the same user, revocation = UpdateAccessKey Inactive +
 * DeleteAccessKey) and the OpenAPI-validated fake GitHub (fine-grained PATs revoked by id), each
 * behind the fault proxy.
 */

const F = faultSuite("2-aws-github");

// ─── AWS IAM (emulate behind the SigV4 front) ───────────────────────────────────────────────────
let iam: TIamPeer | undefined;
let users = 0;
matrix("AWS IAM rotation", async () => {
  iam = await startIamPeer();
  const proxy = await startFaultProxy(iam.url);
  const providerId = ok(await run(createProviderOperation, F.actors.admin, {
    type: "aws_iam",
    name: "AWS (through the fault proxy)",
    config: { accountId: iam.accountId, endpoint: proxy.url },
    secret: { accessKeyId: iam.admin.accessKeyId, secretAccessKey: iam.admin.secretAccessKey },
  })).id;
  const caps = CONNECTORS.aws_iam.capabilities;
  const action = (s: TSeen) => form(s).get("Action");
  const keyId = (s: TSeen) => form(s).get("AccessKeyId");
  return {
    peer: "AWS IAM (emulate)",
    kind: "rotation",
    proxy,
    providerId,
    error: { status: 500, contentType: "text/xml", body: errorResponse("ServiceFailure", "Injected by the fault proxy.", "Receiver") },
    revokeTookEffect: (s) => action(s) === "DeleteAccessKey" && s.status === 200,
    calls: (subject) => ({
      issue: (s) => action(s) === "CreateAccessKey",
      verifyNew: (s) => action(s) === "GetAccessKeyLastUsed" && keyId(s) !== subject.oldId,
      revokeOld: (s) => action(s) === "DeleteAccessKey" && keyId(s) === subject.oldId,
      // Revoking is UpdateAccessKey Inactive, then DeleteAccessKey: either one takes the old key out of service.
      revokesOld: (s) => (action(s) === "UpdateAccessKey" || action(s) === "DeleteAccessKey") && keyId(s) === subject.oldId,
      verifyOld: (s, log) => action(s) === "GetAccessKeyLastUsed" && keyId(s) === subject.oldId && log.some((p) => action(p) === "DeleteAccessKey" && keyId(p) === subject.oldId && p.status === 200),
      revokeNew: (s) => action(s) === "DeleteAccessKey" && keyId(s) !== subject.oldId,
      secretsIn: (s) => (action(s) === "CreateAccessKey" ? [...s.peerBody.matchAll(/<SecretAccessKey>([^<]+)</g)].map((m) => m[1]!) : []),
    }),
    subject: async () => {
      const userName = `agent-${++users}`;
      await createUsers(iam!, [userName]);
      const key = await createKey(iam!, userName);
      const credential = await F.database.prisma.credential.create({
        data: { name: `${userName} key`, kind: "cloud_access_key", providerId, externalId: key.accessKeyId, fingerprint: fingerprintOf(key.secretAccessKey), hint: key.accessKeyId.slice(-4), ownerId: F.actors.owner.id, teamId: F.teamId, source: "manual", providerMetadata: { userName } },
      });
      const active = async (ref: { externalId?: string }) => {
        if (!ref.externalId || !caps.verify.supported) return false;
        return (await caps.verify.run(iamContext(iam!), { externalId: ref.externalId, kind: "cloud_access_key" } as TCredentialRef)).active;
      };
      return { credentialId: credential.id, oldId: key.accessKeyId, secrets: [key.secretAccessKey], active };
    },
  };
}, async () => iam?.close());

// ─── GitHub (the OpenAPI-validated fake): fine-grained PATs are revoked by id ────────────────────
let github: TGithubPeer | undefined;
matrix("GitHub PAT revocation", async () => {
  github = await startGithubPeer();
  const f = githubFixture(github);
  f.world.generatePats(f.org.spec.login, 12);
  const proxy = await startFaultProxy(github.url);
  const providerId = ok(await run(createProviderOperation, F.actors.admin, {
    type: "github",
    name: "GitHub (through the fault proxy)",
    config: { org: f.org.spec.login, appId: String(f.app.id), apiBaseUrl: proxy.url },
    secret: { privateKey: f.key.privateKeyPem },
  })).id;
  await syncProvider(F.database.prisma, { providerId, trigger: "manual" });
  await F.database.prisma.credential.updateMany({ where: { providerId }, data: { ownerId: F.actors.owner.id, teamId: F.teamId } });
  const pool = await F.database.prisma.credential.findMany({ where: { providerId, status: "active" }, orderBy: { id: "asc" } });
  const caps = CONNECTORS.github.capabilities;
  const isRevoke = (s: TSeen) => s.method === "POST" && /\/personal-access-tokens\/\d+$/.test(s.path);
  return {
    peer: "GitHub (fake)",
    kind: "revocation",
    proxy,
    providerId,
    error: { status: 503, contentType: "application/json", body: JSON.stringify({ message: "Service Unavailable (injected by the fault proxy)", documentation_url: "https://docs.github.com/rest" }) },
    revokeTookEffect: (s) => isRevoke(s) && s.status === 204,
    calls: () => ({
      // One PAT per scenario (the log is reset); the path names the grant id, the inventory keeps the token id.
      revokeOld: isRevoke,
      verifyOld: (s, log) => s.method === "GET" && s.path.includes("/personal-access-tokens") && log.some((p) => isRevoke(p) && p.status === 204),
    }),
    subject: async () => {
      const credential = pool.shift();
      if (!credential?.externalId) throw new Error("no PAT left in the pool");
      const active = async (ref: { externalId?: string }) => {
        if (!ref.externalId || !caps.verify.supported) return false;
        return (await caps.verify.run(f.ctx, { externalId: ref.externalId, kind: credential.kind, metadata: credential.providerMetadata ?? undefined } as TCredentialRef)).active;
      };
      return { credentialId: credential.id, oldId: credential.externalId, secrets: [], active };
    },
  };
}, async () => {
  expect(github?.takeViolations()).toEqual([]);
  await github?.close();
});


