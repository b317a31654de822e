import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remediateExposureOperation } from "@/lib/exposures/operations";
import { listExposures } from "@/lib/exposures/queries";
import { ZExposureFilters } from "@/lib/exposures/schemas";
import { executeOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * "Mark remediated" and the Exposures list: bad input and stale targets first (clear error, nothing
 * written), then the write (audited on the credential, exposure_count and score follow) and filters.
 */

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let credentialId: string;
let serverId: string;
const fp = (n: number) => `sha256:${n.toString(16).padStart(64, "0")}`;

beforeAll(async () => {
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  const provider = await database.prisma.provider.create({ data: { name: "GitHub", type: "github" } });
  credentialId = (await database.prisma.credential.create({ data: { name: "deploy PAT", kind: "pat", providerId: provider.id, fingerprint: fp(1), hint: "ab12", source: "sync", ownerId: actors.owner.id } })).id;
  serverId = (await database.prisma.mcpServer.create({ data: { name: "github", transport: "stdio", authMode: "static_token" } })).id;
});
afterAll(async () => {
  await database?.dispose();
});

const exposure = (data: { credentialId?: string | null; location: string; fingerprint?: string; mcpServerId?: string | null }) =>
  database.prisma.exposure.create({ data: { fingerprint: fp(1), locationKind: "mcp_config", detector: "github_pat", keyPath: data.location.split("#")[1] ?? null, ...data } });
const remediate = (actor: (typeof actors)["admin"], input: unknown) => executeOperation(database.prisma, remediateExposureOperation, actor, input);

describe("exposures.remediate", () => {
  it("refuses malformed and unknown ids, and an owner on an exposure no credential claims", async () => {
    const events = await database.prisma.auditEvent.count();
    expect(await remediate(actors.security, { exposureId: "nope" })).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/UUID/) } });
    expect(await remediate(actors.security, { exposureId: "0190a0f0-0000-7000-8000-000000000000" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const orphan = await exposure({ credentialId: null, location: "leak.txt#x", fingerprint: fp(9) });
    expect(await remediate(actors.owner, { exposureId: orphan.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await remediate(actors.auditor, { exposureId: orphan.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await database.prisma.exposure.findUniqueOrThrow({ where: { id: orphan.id } })).resolvedAt).toBeNull();
    // Only denials were recorded.
    const written = await database.prisma.auditEvent.findMany({ where: { seq: { gt: BigInt(events) } } });
    expect(written.every((e) => e.action === "access.denied")).toBe(true);
    // Security reaches any: an unclaimed exposure is theirs to close.
    expect(await remediate(actors.security, { exposureId: orphan.id })).toMatchObject({ ok: true });
  });

  it("closes an open exposure, audited on the credential, the count and score follow; twice is a CONFLICT", async () => {
    const e = await exposure({ credentialId, location: ".cursor/mcp.json#mcpServers.github.env.TOKEN", mcpServerId: serverId });
    expect((await database.prisma.credential.findUniqueOrThrow({ where: { id: credentialId } })).exposureCount).toBe(1);
    const result = await remediate(actors.owner, { exposureId: e.id });
    expect(result).toMatchObject({ ok: true });
    const c = await database.prisma.credential.findUniqueOrThrow({ where: { id: credentialId }, include: { risk: true } });
    expect(c.exposureCount).toBe(0);
    expect(c.risk?.scoredAt).not.toBeNull();
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "exposures.remediate" }, orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ targetType: "credential", targetId: credentialId, summary: { exposureId: e.id, before: { resolvedAt: null } } });
    expect(await remediate(actors.owner, { exposureId: e.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});

describe("listExposures", () => {
  it("filters by state, server, place and text, links the credential, and says who may close each", async () => {
    await exposure({ credentialId, location: ".vscode/mcp.json#servers.gh.env.TOKEN", mcpServerId: serverId });
    const parse = (q: Record<string, string>) => ZExposureFilters.parse(q);
    const open = await listExposures(database.prisma, actors.owner, parse({}));
    expect(open.items.map((i) => i.where)).toEqual([".vscode/mcp.json"]);
    expect(open.items[0]).toMatchObject({ keyPath: "servers.gh.env.TOKEN", server: { id: serverId, name: "github" }, credential: { id: credentialId, name: "deploy PAT", hint: "ab12" }, canRemediate: true });
    expect((await listExposures(database.prisma, actors.auditor, parse({}))).items[0]!.canRemediate).toBe(false);
    expect((await listExposures(database.prisma, actors.owner, parse({ state: "remediated" }))).items.map((i) => i.where).sort()).toEqual([".cursor/mcp.json", "leak.txt"].sort());
    expect((await listExposures(database.prisma, actors.owner, parse({ state: "all", server: serverId }))).total).toBe(2);
    expect((await listExposures(database.prisma, actors.owner, parse({ state: "all", q: "deploy" }))).total).toBe(2);
    expect((await listExposures(database.prisma, actors.owner, parse({ state: "all", kind: "ci_log" }))).total).toBe(0);
    // Hostile query strings fall back to defaults instead of failing the page.
    expect((await listExposures(database.prisma, actors.owner, parse({ state: "bogus", server: "'; drop", page: "-3", q: "%_\\" }))).total).toBe(0);
  });
});
