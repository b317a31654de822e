import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { rotateConnectorSecrets } from "@/lib/connectors/rotate-secrets";
import { envelopeKeyId } from "@/lib/connectors/secrets";
import { resetEnvCache } from "@/lib/env";
import { mcpProbeJob } from "@/lib/mcp-servers/jobs";
import { configureProbeOperation, registerMcpServerOperation, runProbeOperation } from "@/lib/mcp-servers/operations";
import { OTHER_RESOURCE, PROBE_CLIENT, startTestIssuer, startTestMcpServer, type TTestIssuer, type TTestMcpServer } from "@/lib/mcp-servers/probe/testing/mcp-auth-peer";
import { probeAndRecord } from "@/lib/mcp-servers/services/run-server-probe";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import { executeOperation, type TOperation } from "@/lib/server/execute";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { connectorKeys } from "@/lib/workflows/testing/workflow-fixture";

/**
 * The probe through the app: register a remote server, configure its probe client, run the probe
 * as admin/security against real SDK MCP servers; the run is stored (append-only), the summary is on
 * the server, the secret is never in clear, and a credential presented to a server that accepts
 * unbound tokens gets the "no audience binding" factor with the probe's evidence.
 */

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let issuer: TTestIssuer;
let good: TTestMcpServer;
let loose: TTestMcpServer;
const saved = process.env.TOKENWARD_CONNECTOR_KEYS;

beforeAll(async () => {
  process.env.TOKENWARD_CONNECTOR_KEYS = connectorKeys();
  resetEnvCache();
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  issuer = await startTestIssuer();
  good = await startTestMcpServer(issuer.issuer, "correct");
  loose = await startTestMcpServer(issuer.issuer, "no-audience-check");
});
afterAll(async () => {
  await good?.close();
  await loose?.close();
  await issuer?.close();
  await database?.dispose();
  process.env.TOKENWARD_CONNECTOR_KEYS = saved;
  resetEnvCache();
});

const run = <S extends z.ZodType, D, P>(op: TOperation<S, D, P>, actor: TActor, input: unknown) => executeOperation(database.prisma, op, actor, input);

async function registered(name: string, url: string, withClient = true): Promise<string> {
  const r = await run(registerMcpServerOperation, actors.admin, { name, url });
  if (!r.ok) throw new Error(r.error.message);
  if (withClient) {
    const c = await run(configureProbeOperation, actors.admin, {
      id: r.data.id, tokenEndpoint: issuer.tokenEndpoint, clientId: PROBE_CLIENT.id, clientSecret: PROBE_CLIENT.secret, otherResource: OTHER_RESOURCE, schedule: "15 3 * * *",
    });
    if (!c.ok) throw new Error(c.error.message);
  }
  return r.data.id;
}

describe("MCP server probe in the app", () => {
  it("runs as security, stores the run and the summary, and audits it", async () => {
    const id = await registered("good-mcp", good.url);
    const r = await run(runProbeOperation, actors.security, { id });
    expect(r).toMatchObject({ ok: true, data: { result: "pass", failed: [] } });
    const server = await database.prisma.mcpServer.findUniqueOrThrow({ where: { id } });
    expect(server).toMatchObject({ lastProbeResult: "pass", lastProbeAudienceGap: null, protectedResourceMetadata: { resource: good.url } });
    expect(server.lastProbeDetail).toMatch(/^All 11 applicable checks passed \(1 not applicable\)$/);
    const runs = await database.prisma.mcpProbeRun.findMany({ where: { mcpServerId: id } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "manual", result: "pass", requestedBy: expect.stringContaining("(security)") });
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "mcp_servers.probe", targetId: id } });
    expect(audit.summary).toMatchObject({ result: "pass", runId: runs[0]!.id });
  });

  it("keeps the probe client's secret encrypted and out of audit data and results", async () => {
    const id = await registered("secret-check", `${good.url}?tenant=secret-check`);
    const settings = await database.prisma.mcpProbeSettings.findUniqueOrThrow({ where: { mcpServerId: id } });
    expect(settings.encryptedSecret).toMatch(/^tw1\./);
    expect(settings.encryptedSecret).not.toContain(PROBE_CLIENT.secret);
    const audits = await database.prisma.auditEvent.findMany({ where: { targetId: id } });
    expect(audits.length).toBeGreaterThan(1);
    expect(JSON.stringify(audits.map((a) => a.summary))).not.toContain(PROBE_CLIENT.secret);
    // Updating without a secret keeps it.
    const u = await run(configureProbeOperation, actors.admin, { id, tokenEndpoint: issuer.tokenEndpoint, clientId: PROBE_CLIENT.id, expiryWaitSeconds: 0 });
    expect(u).toMatchObject({ ok: true, data: { secretSet: true, schedule: null } });
    expect((await database.prisma.mcpProbeSettings.findUniqueOrThrow({ where: { mcpServerId: id } })).encryptedSecret).toBe(settings.encryptedSecret);
  });

  it("a server accepting unbound tokens: fail, the gap recorded, and credentials presented to it get the no-audience factor", async () => {
    const id = await registered("loose-mcp", loose.url);
    const provider = await database.prisma.provider.create({ data: { name: "Probe IdP", type: "oauth", sensitivity: "high" } });
    const credential = await database.prisma.credential.create({
      data: { name: "agent token for loose-mcp", kind: "oauth_access_token", providerId: provider.id, audiences: [loose.url], environment: "prod", expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await database.prisma.binding.create({ data: { credentialId: credential.id, targetMcpServerId: id, environment: "prod" } });
    await database.prisma.$transaction((tx) => recomputeCredentials(tx, [credential.id]));
    const before = await database.prisma.credentialRisk.findUniqueOrThrow({ where: { credentialId: credential.id } });
    expect(JSON.stringify(before.factors)).not.toContain("no-audience");

    const r = await run(runProbeOperation, actors.admin, { id });
    expect(r).toMatchObject({ ok: true, data: { result: "fail", failed: ["token-other-resource", "token-no-audience"] } });
    expect((await database.prisma.mcpServer.findUniqueOrThrow({ where: { id } })).lastProbeAudienceGap).toBe("accepted a token issued for another resource and a token with no audience");
    const after = await database.prisma.credentialRisk.findUniqueOrThrow({ where: { credentialId: credential.id } });
    const factor = (after.factors as { id: string; evidence: string }[]).find((f) => f.id === "no-audience");
    expect(factor?.evidence).toMatch(/^Audience not enforced where it is presented: the authorization probe of MCP server loose-mcp on \d{4}-\d\d-\d\d found that it accepted a token issued for another resource and a token with no audience$/);
  });

  it("keys:rotate re-encrypts the probe client's secret, and the probe still uses it", async () => {
    const id = (await database.prisma.mcpServer.findFirstOrThrow({ where: { name: "good-mcp" } })).id;
    const current = process.env.TOKENWARD_CONNECTOR_KEYS!;
    const rotated = connectorKeys().replace(/^t1:/, "t2:");
    process.env.TOKENWARD_CONNECTOR_KEYS = `${rotated},${current}`;
    resetEnvCache();
    const summary = await rotateConnectorSecrets(database.prisma);
    expect(summary.rotated).toBeGreaterThan(0);
    const settings = await database.prisma.mcpProbeSettings.findUniqueOrThrow({ where: { mcpServerId: id } });
    expect(envelopeKeyId(settings.encryptedSecret)).toBe("t2");
    expect(await run(runProbeOperation, actors.admin, { id })).toMatchObject({ ok: true, data: { result: "pass" } });
    // Without the new key the secret cannot be read: a clear CONFLICT, no run written.
    const runs = await database.prisma.mcpProbeRun.count();
    process.env.TOKENWARD_CONNECTOR_KEYS = current;
    resetEnvCache();
    expect(await run(runProbeOperation, actors.admin, { id })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("cannot be decrypted") } });
    expect(await database.prisma.mcpProbeRun.count()).toBe(runs);
    process.env.TOKENWARD_CONNECTOR_KEYS = `${rotated},${current}`;
    resetEnvCache();
  });

  it("the scheduled job probes each server with a schedule, as the system", async () => {
    const schedules = await mcpProbeJob.schedules!(database.prisma);
    expect(schedules.map((s) => s.schedule)).toContain("15 3 * * *");
    const target = schedules.find((s) => s.schedule === "15 3 * * *")!;
    const view = await mcpProbeJob.handler(mcpProbeJob.payload.parse(target.payload), { prisma: database.prisma, jobId: target.id, attempt: 1, progress: async () => undefined });
    expect(view).toMatchObject({ runId: expect.any(String) });
    const runRow = await database.prisma.mcpProbeRun.findUniqueOrThrow({ where: { id: (view as { runId: string }).runId } });
    expect(runRow).toMatchObject({ trigger: "schedule", requestedBy: null });
  });

  it("runs are append-only", async () => {
    const row = await database.prisma.mcpProbeRun.findFirstOrThrow();
    await expect(database.prisma.mcpProbeRun.update({ where: { id: row.id }, data: { summary: "rewritten" } })).rejects.toThrow(/append-only/);
  });

  it("bad input: clear errors and nothing written", async () => {
    const before = { servers: await database.prisma.mcpServer.count(), settings: await database.prisma.mcpProbeSettings.count(), runs: await database.prisma.mcpProbeRun.count() };
    const cases: [TOperation<z.ZodType, unknown, unknown>, unknown, RegExp][] = [
      [registerMcpServerOperation as never, { name: "x", url: "ftp://mcp.example/x" }, /http or https/],
      [registerMcpServerOperation as never, { name: "x", url: "https://u:p@mcp.example/x" }, /no credentials/],
      [registerMcpServerOperation as never, { name: "", url: "https://mcp.example/x" }, /Name the server/],
      [registerMcpServerOperation as never, { name: "dup", url: good.url }, /already registered/],
      [configureProbeOperation as never, { id: "not-a-uuid", tokenEndpoint: issuer.tokenEndpoint, clientId: "c" }, /MCP server id/],
      [configureProbeOperation as never, { id: crypto.randomUUID(), tokenEndpoint: issuer.tokenEndpoint, clientId: "c", clientSecret: "s" }, /No such MCP server/],
      [configureProbeOperation as never, { id: crypto.randomUUID(), tokenEndpoint: issuer.tokenEndpoint, clientId: "c", expiryWaitSeconds: 999 }, /at most 120/],
      [configureProbeOperation as never, { id: crypto.randomUUID(), tokenEndpoint: issuer.tokenEndpoint, clientId: "c", schedule: "every day" }, /Not a schedule/],
      [runProbeOperation as never, { id: crypto.randomUUID() }, /No such MCP server/],
    ];
    for (const [op, input, message] of cases) {
      const r = await run(op, actors.admin, input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(`${r.error.message} ${JSON.stringify(r.error.fieldErrors ?? {})}`).toMatch(message);
    }
    // A new server without a secret yet: the secret is required.
    const id = await registered("no-secret-yet", `${good.url}?tenant=no-secret`, false);
    const r = await run(configureProbeOperation, actors.admin, { id, tokenEndpoint: issuer.tokenEndpoint, clientId: "c" });
    expect(r).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { clientSecret: ["Client secret is required"] } } });
    const stdio = await database.prisma.mcpServer.create({ data: { name: "local-stdio", command: "npx some-mcp", transport: "stdio", authMode: "static_token" } });
    expect(await run(runProbeOperation, actors.admin, { id: stdio.id })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("not a remote server") } });
    expect({ servers: await database.prisma.mcpServer.count(), settings: await database.prisma.mcpProbeSettings.count(), runs: await database.prisma.mcpProbeRun.count() })
      .toEqual({ servers: before.servers + 2, settings: before.settings, runs: before.runs });
  });

  it("owners and auditors cannot probe or configure", async () => {
    const id = (await database.prisma.mcpServer.findFirstOrThrow({ where: { name: "good-mcp" } })).id;
    for (const who of [actors.owner, actors.auditor]) {
      expect(await run(runProbeOperation, who, { id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await run(configureProbeOperation, who, { id, tokenEndpoint: issuer.tokenEndpoint, clientId: "c" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await run(configureProbeOperation, actors.security, { id, tokenEndpoint: issuer.tokenEndpoint, clientId: "c" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("probeAndRecord on a deleted server is NOT_FOUND and writes nothing", async () => {
    await expect(probeAndRecord(database.prisma, crypto.randomUUID(), "schedule")).rejects.toThrow(/No such MCP server/);
  });
});
