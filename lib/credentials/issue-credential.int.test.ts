import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprintOf } from "@/lib/connectors/fingerprint";
import { PEER_RESOURCE, startOAuthPeer } from "@/lib/connectors/testing/oauth-peer";
import { issueCredentialOperation } from "@/lib/credentials/operations";
import { resetEnvCache } from "@/lib/env";
import { executeOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { activeAtPeer, connectedProvider, connectorKeys } from "@/lib/workflows/testing/workflow-fixture";

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let peer: Awaited<ReturnType<typeof startOAuthPeer>>;
let providerId: string;
const previousKeys = process.env.TOKENWARD_CONNECTOR_KEYS;

beforeAll(async () => {
  process.env.TOKENWARD_CONNECTOR_KEYS = connectorKeys();
  resetEnvCache();
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  peer = await startOAuthPeer();
  providerId = await connectedProvider(database.prisma, actors.admin, peer.issuer);
});
afterAll(async () => {
  await peer?.close();
  await database?.dispose();
  process.env.TOKENWARD_CONNECTOR_KEYS = previousKeys;
  resetEnvCache();
});

const issue = (input: unknown, actor = actors.security) => executeOperation(database.prisma, issueCredentialOperation, actor, input);

describe("credentials.issue: mint through the provider, file it, show it once", () => {
  it("issues an audience-bound token that is real at the provider and known to the inventory by fingerprint only", async () => {
    const result = await issue({ providerId, name: "billing agent → orders MCP", scopes: ["inventory:read"], resource: PEER_RESOURCE });
    if (!result.ok) throw new Error(result.error.message);
    const { credentialId, value } = result.data;
    expect(await activeAtPeer(peer.issuer, value)).toBe(true);
    const row = await database.prisma.credential.findUniqueOrThrow({ where: { id: credentialId }, include: { risk: true } });
    expect(row).toMatchObject({ fingerprint: fingerprintOf(value), hint: value.slice(-4), scopes: ["inventory:read"], audiences: [PEER_RESOURCE], ownerId: actors.security.id, kind: "oauth_access_token" });
    expect(row.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(row.risk?.scoredAt).not.toBeNull();
    const audit = await database.prisma.auditEvent.findMany({ where: { targetId: { in: [credentialId, providerId] }, action: { in: ["credential.issued", "providers.issue"] } } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(value);
  });

  it("refuses owners and auditors, bad input, and a provider's refusal, writing nothing", async () => {
    const before = await database.prisma.credential.count();
    for (const role of ["owner", "auditor"] as const) {
      const r = await issue({ providerId, name: "x", scopes: [] }, actors[role]);
      expect(!r.ok && r.error.code).toBe("FORBIDDEN");
    }
    const cases: [unknown, RegExp][] = [
      [{ providerId, name: "", scopes: [] }, /Name it/],
      [{ providerId, name: "x", scopes: ["has space"] }, /printable ASCII/],
      [{ providerId, name: "x", scopes: [], resource: "not a url" }, /resource must be a URL/],
      [{ providerId: "nope", name: "x", scopes: [] }, /provider id/],
      [{ providerId, name: "x", scopes: [], extra: true }, /./],
      // The server refuses a resource it does not know: its words, nothing filed.
      [{ providerId, name: "x", scopes: ["inventory:read"], resource: "https://elsewhere.example/" }, /refused/],
    ];
    for (const [input, message] of cases) {
      const r = await issue(input);
      expect(!r.ok && [r.error.code, r.error.message]).toEqual(["VALIDATION", expect.stringMatching(message)]);
    }
    const slack = await database.prisma.provider.create({ data: { name: "Slack (no connector)", type: "slack" } });
    const none = await issue({ providerId: slack.id, name: "x", scopes: [] });
    expect(!none.ok && none.error.message).toMatch(/no connector/);
    expect(await database.prisma.credential.count()).toBe(before);
  });
});
