import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { decryptSecret, envelopeKeyId } from "@/lib/connectors/secrets";
import { closedPortUrl, startPeer } from "@/lib/connectors/testing/peer";
import { PEER_CLIENT, startOAuthPeer } from "@/lib/connectors/testing/oauth-peer";
import { resetEnvCache } from "@/lib/env";
import {
  createProviderOperation,
  deleteProviderOperation,
  setProviderEnabledOperation,
  testProviderOperation,
  updateProviderOperation,
} from "@/lib/providers/operations";
import { executeOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let admin: TActor;
let oauth: Awaited<ReturnType<typeof startOAuthPeer>>;
let hostile: Awaited<ReturnType<typeof startPeer>>;
let slow: Awaited<ReturnType<typeof startOAuthPeer>>;
const previousKeys = process.env.TOKENWARD_CONNECTOR_KEYS;

beforeAll(async () => {
  process.env.TOKENWARD_CONNECTOR_KEYS = `t1:${randomBytes(32).toString("base64")}`;
  resetEnvCache();
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  admin = actors.admin;
  oauth = await startOAuthPeer();
  // Works, but each answer takes 800 ms: a connection test (discovery + introspection) takes ~1.6 s.
  slow = await startOAuthPeer({ delayMs: 800 });
  hostile = await startPeer((req, res) => {
    if (req.url?.includes("/garbage")) return void res.end("<html>login</html>");
    if (req.url?.includes("/slow")) return void setTimeout(() => res.end("{}"), 15_000);
    res.writeHead(500);
    res.end("boom");
  });
});
afterAll(async () => {
  await hostile?.close();
  await oauth?.close();
  await slow?.close();
  await database?.dispose();
  process.env.TOKENWARD_CONNECTOR_KEYS = previousKeys;
  resetEnvCache();
});

let seq = 0;
const good = () => ({
  type: "oauth",
  name: `SSO ${++seq}`,
  config: { issuer: oauth.issuer, clientId: PEER_CLIENT.clientId },
  secret: { clientSecret: PEER_CLIENT.clientSecret },
});

const counts = async () => ({
  providers: await database.prisma.provider.count(),
  audit: await database.prisma.auditEvent.count({ where: { action: { startsWith: "providers." } } }),
});

describe("provider management", () => {
  let before: Awaited<ReturnType<typeof counts>>;
  beforeEach(async () => {
    before = await counts();
  });

  it("creates a provider once its connection works; the secret is stored encrypted and never returned", async () => {
    const result = await executeOperation(database.prisma, createProviderOperation, admin, good());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data).toMatchObject({ type: "oauth", secretSet: true, enabled: true });
    expect(JSON.stringify(result.data)).not.toContain(PEER_CLIENT.clientSecret);
    const row = await database.prisma.provider.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(row.encryptedCredentials).not.toContain(PEER_CLIENT.clientSecret);
    expect(envelopeKeyId(row.encryptedCredentials!)).toBe("t1");
    expect(decryptSecret(row.encryptedCredentials!, row.id)).toEqual({ clientSecret: PEER_CLIENT.clientSecret });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "providers.create", targetId: row.id } });
    expect(JSON.stringify(audit.summary)).not.toContain(PEER_CLIENT.clientSecret);
  });

  it.each([
    ["a wrong secret", () => ({ ...good(), secret: { clientSecret: "wrong" } }), /Connection test failed: .*HTTP 401/],
    ["an unreachable issuer", async () => ({ ...good(), config: { issuer: await closedPortUrl(), clientId: "x" } }), /Could not reach .*refused/],
    ["a garbage-answering issuer", () => ({ ...good(), config: { issuer: `${hostile.url}/garbage`, clientId: "x" } }), /did not answer with JSON/],
    ["an issuer answering 500", () => ({ ...good(), config: { issuer: `${hostile.url}/fail`, clientId: "x" } }), /HTTP 500/],
    ["a wrong issuer path", () => ({ ...good(), config: { issuer: `${oauth.issuer}/nope`, clientId: "x" } }), /No authorization-server metadata/],
  ])("refuses %s with a clear error and saves nothing", async (_what, input, message) => {
    const result = await executeOperation(database.prisma, createProviderOperation, admin, await input());
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.code, result.error.message]).toEqual(["VALIDATION", expect.stringMatching(message)]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a slow issuer past the timeout, saving nothing", { timeout: 30_000 }, async () => {
    const result = await executeOperation(database.prisma, createProviderOperation, admin, { ...good(), config: { issuer: `${hostile.url}/slow`, clientId: "x" } });
    expect(!result.ok && result.error.message).toMatch(/did not answer within 10 s/);
    expect(await counts()).toEqual(before);
  });

  it("refuses config and secret the connector's schemas reject, with field errors", async () => {
    const result = await executeOperation(database.prisma, createProviderOperation, admin, { ...good(), config: { issuer: "not a url" }, secret: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["config.clientId", "config.issuer", "secret.clientSecret"]);
    const unknownType = await executeOperation(database.prisma, createProviderOperation, admin, { ...good(), type: "nope" });
    expect(!unknownType.ok && unknownType.error.code).toBe("VALIDATION");
    expect(await counts()).toEqual(before);
  });

  it("updates keeping the secret when none is given, replaces it when one is, and tests either way", async () => {
    const created = await executeOperation(database.prisma, createProviderOperation, admin, good());
    if (!created.ok) throw new Error(created.error.message);
    const id = created.data.id;
    const envelope = (await database.prisma.provider.findUniqueOrThrow({ where: { id } })).encryptedCredentials;
    const kept = await executeOperation(database.prisma, updateProviderOperation, admin, { id, name: "Renamed", config: good().config });
    expect(kept.ok).toBe(true);
    expect((await database.prisma.provider.findUniqueOrThrow({ where: { id } })).encryptedCredentials).toBe(envelope);

    const wrong = await executeOperation(database.prisma, updateProviderOperation, admin, { id, name: "Renamed again", config: good().config, secret: { clientSecret: "wrong" } });
    expect(!wrong.ok && wrong.error.message).toMatch(/HTTP 401/);
    const row = await database.prisma.provider.findUniqueOrThrow({ where: { id } });
    expect([row.name, row.encryptedCredentials]).toEqual(["Renamed", envelope]);
  });

  it("tests a saved provider and records the outcome, failure included", async () => {
    const created = await executeOperation(database.prisma, createProviderOperation, admin, good());
    if (!created.ok) throw new Error(created.error.message);
    const ok = await executeOperation(database.prisma, testProviderOperation, admin, { id: created.data.id });
    expect(ok.ok && ok.data.ok).toBe(true);
    // The peer's URL moves away under the saved provider.
    await database.prisma.provider.update({ where: { id: created.data.id }, data: { config: { issuer: `${hostile.url}/fail`, clientId: "x" } } });
    const failed = await executeOperation(database.prisma, testProviderOperation, admin, { id: created.data.id });
    expect(failed.ok && failed.data).toMatchObject({ ok: false, retryable: true, status: 500 });
    expect(await database.prisma.auditEvent.count({ where: { action: "providers.test", targetId: created.data.id } })).toBe(2);
  });

  it("disables and re-enables; deleting is refused while credentials reference it, with the count", async () => {
    const created = await executeOperation(database.prisma, createProviderOperation, admin, good());
    if (!created.ok) throw new Error(created.error.message);
    const id = created.data.id;
    expect((await executeOperation(database.prisma, setProviderEnabledOperation, admin, { id, enabled: false })).ok).toBe(true);
    const again = await executeOperation(database.prisma, setProviderEnabledOperation, admin, { id, enabled: false });
    expect(!again.ok && again.error.code).toBe("CONFLICT");

    await database.prisma.credential.createMany({ data: [1, 2].map((n) => ({ name: `c${n}`, kind: "oauth_access_token" as const, providerId: id })) });
    const refused = await executeOperation(database.prisma, deleteProviderOperation, admin, { id });
    expect(!refused.ok && refused.error.message).toMatch(/referenced by 2 credentials/);
    await database.prisma.credential.deleteMany({ where: { providerId: id } });
    expect((await executeOperation(database.prisma, deleteProviderOperation, admin, { id })).ok).toBe(true);
    expect(await database.prisma.provider.count({ where: { id } })).toBe(0);
  });

  const slowProvider = async () => {
    const created = await executeOperation(database.prisma, createProviderOperation, admin, { ...good(), config: { issuer: slow.issuer, clientId: PEER_CLIENT.clientId } });
    if (!created.ok) throw new Error(created.error.message);
    return created.data.id;
  };

  it("tests the connection outside the transaction: the provider row stays writable meanwhile", async () => {
    const id = await slowProvider();
    let testEnded = false;
    const testing = executeOperation(database.prisma, testProviderOperation, admin, { id }).finally(() => (testEnded = true));
    await new Promise((r) => setTimeout(r, 300));
    // Held in the transaction, the test would keep this write (same row) waiting until it ends.
    const toggled = await executeOperation(database.prisma, setProviderEnabledOperation, admin, { id, enabled: false });
    expect(toggled.ok).toBe(true);
    expect(testEnded, "the write waited for the connection test").toBe(false);
    const result = await testing;
    expect(result.ok && result.data.ok).toBe(true);
  });

  it("an edit saved while the connection was being tested is a conflict, not overwritten", async () => {
    const id = await slowProvider();
    const editing = executeOperation(database.prisma, updateProviderOperation, admin, { id, name: "Mine", config: { issuer: slow.issuer, clientId: PEER_CLIENT.clientId } });
    await new Promise((r) => setTimeout(r, 300));
    await executeOperation(database.prisma, setProviderEnabledOperation, admin, { id, enabled: false });
    const result = await editing;
    expect(!result.ok && result.error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/changed by someone else/) });
    expect(await database.prisma.provider.findUniqueOrThrow({ where: { id } })).toMatchObject({ enabled: false, name: expect.not.stringMatching(/^Mine$/) });
  });

  it("is admin-only", async () => {
    for (const role of ["security", "owner", "auditor"] as const) {
      const result = await executeOperation(database.prisma, createProviderOperation, actors[role], good());
      expect(!result.ok && result.error.code).toBe("FORBIDDEN");
    }
    expect((await counts()).providers).toBe(before.providers);
  });
});
