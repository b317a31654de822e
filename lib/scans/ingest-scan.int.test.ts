import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { zipSync, strToU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKeyOperation, revokeApiKeyOperation } from "@/lib/api-keys/operations";
import type { TCreatedApiKey } from "@/lib/api-keys/services/create-api-key";
import type { TActor } from "@/lib/auth/actor";
import { fingerprintOf } from "@/lib/connectors/fingerprint";
import { buildReport } from "@/lib/discovery/report";
import { scanFile } from "@/lib/discovery/scan-file";
import type { TScanReport } from "@/lib/discovery/schemas";
import { awsSecretKey, opaqueSecret, prng, sampleToken } from "@/lib/discovery/testing/token-samples";
import { ingestScanRoute, uploadScanRoute } from "@/lib/scans/routes";
import { executeOperation } from "@/lib/server/execute";
import { executeRoute, routeDefinitionOf } from "@/lib/server/route";
import { createRoleUsers } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * POST /api/v1/scans and the upload route, through the real route pipeline: hostile callers and
 * bodies first (nothing written), then matching a config's token to a synced credential by
 * fingerprint, idempotency, re-opening, and `npm run scan -- --send` end to end as a child process.
 */

const SYNCED = sampleToken("github_pat", 41);
const UNKNOWN = opaqueSecret(prng(42), 40);
const AWS_ID = "AKIAZ7QW3RTYU2IOPLK5";
const AWS_SECRET = awsSecretKey(prng(43));

let database: TTestDatabase;
let actors: Awaited<ReturnType<typeof createRoleUsers>>;
let syncedId: string;
let awsCredentialId: string;

const config = (token: string) =>
  JSON.stringify({
    mcpServers: {
      github: { command: "npx", args: ["-y", "@modelcontextprotocol/server-github"], env: { GITHUB_PERSONAL_ACCESS_TOKEN: token } },
      internal: { url: "https://mcp.internal.example/mcp", headers: { Authorization: `Bearer ${UNKNOWN}` } },
    },
  });

function reportOf(files: Record<string, string>, at = new Date()): TScanReport {
  return buildReport(Object.entries(files).map(([p, c]) => scanFile(p, c)), { scannedAt: at, root: "ci" });
}

async function createKey(actor: TActor, scopes: string[]): Promise<TCreatedApiKey> {
  const result = await executeOperation(database.prisma, createApiKeyOperation, actor, { name: `key ${Math.random()}`, scopes, expiresInDays: 30 });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

function post(handler: unknown, body: string, headers: Record<string, string>, session: TActor | null = null, url = "http://localhost/api/v1/scans") {
  return executeRoute(database.prisma, routeDefinitionOf(handler)!, session, new Request(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } }), database.read, "http://localhost");
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const errorOf = async (r: Response) => ((await r.json()) as { error: { code: string; message: string } }).error;

async function counts() {
  const p = database.prisma;
  const [credentials, exposures, servers, providers, audit] = await Promise.all([p.credential.count(), p.exposure.count(), p.mcpServer.count(), p.provider.count(), p.auditEvent.count({ where: { action: { not: "access.denied" } } })]);
  return { credentials, exposures, servers, providers, audit };
}

let scanKey: TCreatedApiKey;

beforeAll(async () => {
  database = await createTestDatabase();
  actors = await createRoleUsers(database.prisma);
  const github = await database.prisma.provider.create({ data: { name: "GitHub acme", type: "github" } });
  const aws = await database.prisma.provider.create({ data: { name: "AWS prod", type: "aws_iam" } });
  syncedId = (await database.prisma.credential.create({
    data: { name: "deploy-bot PAT", kind: "pat", providerId: github.id, externalId: "pat-1", fingerprint: fingerprintOf(SYNCED), hint: SYNCED.slice(-4), source: "sync", ownerId: actors.owner.id },
  })).id;
  awsCredentialId = (await database.prisma.credential.create({
    data: { name: "ci-deployer access key", kind: "cloud_access_key", providerId: aws.id, externalId: AWS_ID, source: "sync" },
  })).id;
  scanKey = await createKey(actors.admin, ["scan:write"]);
});
afterAll(async () => {
  await database?.dispose();
});

describe("POST /api/v1/scans: hostile callers and bodies are refused, nothing written", () => {
  const report = () => JSON.stringify(reportOf({ ".cursor/mcp.json": config(SYNCED) }));

  it("refuses a key without scan:write (403), a revoked key (401), no key (401)", async () => {
    const before = await counts();
    const reader = await createKey(actors.admin, ["inventory:read"]);
    const wrong = await post(ingestScanRoute, report(), bearer(reader.token));
    expect(wrong.status).toBe(403);
    expect((await errorOf(wrong)).message).toMatch(/scope/);
    const doomed = await createKey(actors.admin, ["scan:write"]);
    const revoked = await executeOperation(database.prisma, revokeApiKeyOperation, actors.admin, { id: doomed.id });
    expect(revoked.ok).toBe(true);
    const r = await post(ingestScanRoute, report(), bearer(doomed.token));
    expect(r.status).toBe(401);
    expect((await errorOf(r)).message).toMatch(/revoked/);
    expect((await post(ingestScanRoute, report(), bearer("twk_000000000000_forged"))).status).toBe(401);
    expect((await post(ingestScanRoute, report(), { origin: "http://localhost" })).status).toBe(401);
    const after = await counts();
    // Creating and revoking the keys above is all that was written.
    expect({ ...after, credentials: before.credentials, audit: before.audit }).toEqual(before);
    expect(await database.prisma.exposure.count()).toBe(0);
  });

  it("refuses an auditor's and an owner's session (403)", async () => {
    for (const who of [actors.auditor, actors.owner]) {
      const r = await post(ingestScanRoute, report(), { origin: "http://localhost" }, who);
      expect(r.status).toBe(403);
    }
    expect(await database.prisma.exposure.count()).toBe(0);
  });

  it("refuses an oversize body with 413 before parsing it", async () => {
    const before = await counts();
    const big = `{"version":1,"pad":"${"x".repeat(8 * 1024 * 1024 + 10)}"}`;
    const r = await post(ingestScanRoute, big, bearer(scanKey.token));
    expect(r.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("refuses malformed reports whole with a precise error", async () => {
    const before = await counts();
    const good = reportOf({ ".cursor/mcp.json": config(SYNCED), ".vscode/mcp.json": JSON.stringify({ servers: { x: { command: "x", env: { API_TOKEN: UNKNOWN } } } }) });
    const cases: [unknown, RegExp][] = [
      ["not json at all", /required|object|Version/i],
      [{ ...good, version: 2 }, /Version must be 1/],
      [{ ...good, totals: { ...good.totals, findings: 99 } }, /Totals must match/],
      [{ ...good, files: [good.files[0], { ...good.files[1], path: "../../etc/passwd" }] }, /relative/],
      // One bad finding in the second file: the first file must not be written either.
      [{ ...good, files: [good.files[0], { ...good.files[1], servers: [{ ...good.files[1]!.servers[0]!, findings: [{ ...good.files[1]!.servers[0]!.findings[0]!, fingerprint: "sha256:nothex" }] }] }] }, /Fingerprint must be/],
      [{ ...good, extra: true }, /extra|Unrecognized|unknown/i],
    ];
    for (const [body, message] of cases) {
      const r = await post(ingestScanRoute, typeof body === "string" ? body : JSON.stringify(body), bearer(scanKey.token));
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await errorOf(r)).message).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a report that carries a raw secret field, naming it, and stores nothing of it", async () => {
    const before = await counts();
    const good = reportOf({ ".cursor/mcp.json": config(SYNCED) });
    const tampered = structuredClone(good) as unknown as { files: { servers: { findings: Record<string, unknown>[] }[] }[] };
    tampered.files[0]!.servers[0]!.findings[0]!.value = SYNCED;
    const r = await post(ingestScanRoute, JSON.stringify(tampered), bearer(scanKey.token));
    expect(r.status).toBe(400);
    const error = await errorOf(r);
    expect(error.message).toMatch(/raw secret field/);
    expect(error.message).toContain("files.0.servers.0.findings.0.value");
    expect(JSON.stringify(error)).not.toContain(SYNCED);
    expect(await counts()).toEqual(before);
    const everything = JSON.stringify(await database.prisma.auditEvent.findMany({ select: { summary: true } }));
    expect(everything).not.toContain(SYNCED);
  });
});

describe("POST /api/v1/scans: ingestion", () => {
  it("lights up the synced credential by fingerprint, files unknown tokens as scan credentials, links exposures to servers, rescoring", async () => {
    const riskBefore = await database.prisma.credentialRisk.findUnique({ where: { credentialId: syncedId } });
    const report = reportOf({
      ".cursor/mcp.json": config(SYNCED),
      "app/.mcp.json": JSON.stringify({ mcpServers: { aws: { command: "uvx", args: ["awslabs.aws-api-mcp-server"], env: { AWS_ACCESS_KEY_ID: AWS_ID, AWS_SECRET_ACCESS_KEY: AWS_SECRET } } } }),
      ".vscode/mcp.json": "{ not json",
    });
    const r = await post(ingestScanRoute, JSON.stringify(report), bearer(scanKey.token));
    expect(r.status).toBe(200);
    const { data } = (await r.json()) as { data: { files: { path: string; status: string; matched: number; credentials: number; matchedCredentials: { id: string }[] }[]; credentials: Record<string, number>; exposures: Record<string, number>; servers: Record<string, number> } };
    expect(data.credentials).toEqual({ created: 1, matched: 2, alreadyFromScan: 0 });
    expect(data.servers).toEqual({ created: 3, existing: 0 });
    expect(data.exposures).toEqual({ created: 3, seenAgain: 0, reopened: 0 });
    const cursor = data.files.find((f) => f.path === ".cursor/mcp.json")!;
    expect(cursor).toMatchObject({ status: "ok", credentials: 2, matched: 1 });
    expect(cursor.matchedCredentials.map((c) => c.id)).toEqual([syncedId]);
    expect(data.files.find((f) => f.path === ".vscode/mcp.json")).toMatchObject({ status: "error", credentials: 0 });

    const synced = await database.prisma.credential.findUniqueOrThrow({ where: { id: syncedId }, include: { risk: true, exposures: { include: { mcpServer: true } } } });
    expect(synced.exposureCount).toBe(1);
    expect(synced.exposures[0]).toMatchObject({ location: "ci:.cursor/mcp.json#mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN", keyPath: "mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN", locationKind: "mcp_config", detector: "github_pat", resolvedAt: null });
    expect(synced.exposures[0]!.mcpServer).toMatchObject({ name: "github", transport: "stdio", authMode: "static_token" });
    expect(synced.risk?.scoredAt).not.toBeNull();
    expect(synced.risk?.score ?? 0).toBeGreaterThan(riskBefore?.score ?? 0);
    // The AWS secret is matched through its access key id, and the synced key learns its fingerprint.
    const aws = await database.prisma.credential.findUniqueOrThrow({ where: { id: awsCredentialId } });
    expect(aws).toMatchObject({ exposureCount: 1, fingerprint: fingerprintOf(AWS_SECRET), source: "sync" });
    const scanned = await database.prisma.credential.findUniqueOrThrow({ where: { fingerprint: fingerprintOf(UNKNOWN) }, include: { provider: true } });
    expect(scanned).toMatchObject({ source: "scan", kind: "static_bearer", hint: UNKNOWN.slice(-4), exposureCount: 1 });
    expect(scanned.provider.type).toBe("config_scan");

    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "scans.ingest" }, orderBy: { seq: "desc" } });
    expect(event.actorLabel).toContain(scanKey.prefix);
    expect(event.summary).toMatchObject({ files: 3, matchedCredentialIds: expect.arrayContaining([syncedId, awsCredentialId]) });
    const text = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x));
    const everything = text(await database.prisma.$queryRawUnsafe("SELECT * FROM exposures")) + text(await database.prisma.auditEvent.findMany()) + text(await database.prisma.credential.findMany());
    for (const secret of [SYNCED, UNKNOWN, AWS_SECRET]) expect(everything).not.toContain(secret);
  });

  it("is idempotent: the same report again creates nothing and only moves last seen", async () => {
    const report = reportOf({ ".cursor/mcp.json": config(SYNCED) });
    const before = await counts();
    const r = await post(ingestScanRoute, JSON.stringify(report), bearer(scanKey.token));
    expect(r.status).toBe(200);
    const { data } = (await r.json()) as { data: { credentials: Record<string, number>; exposures: Record<string, number>; servers: Record<string, number> } };
    expect(data.exposures).toEqual({ created: 0, seenAgain: 2, reopened: 0 });
    expect(data.credentials).toEqual({ created: 0, matched: 1, alreadyFromScan: 1 });
    expect(data.servers).toEqual({ created: 0, existing: 2 });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  });

  it("re-opens an exposure marked remediated when a later scan still finds it, not when an older report arrives", async () => {
    const exposure = await database.prisma.exposure.findFirstOrThrow({ where: { credentialId: syncedId } });
    const resolvedAt = new Date(Date.now() - 60_000);
    await database.prisma.exposure.update({ where: { id: exposure.id }, data: { resolvedAt } });
    const old = reportOf({ ".cursor/mcp.json": config(SYNCED) }, new Date(resolvedAt.getTime() - 60_000));
    const r1 = await post(ingestScanRoute, JSON.stringify(old), bearer(scanKey.token));
    expect(((await r1.json()) as { data: { exposures: { reopened: number } } }).data.exposures.reopened).toBe(0);
    expect((await database.prisma.exposure.findUniqueOrThrow({ where: { id: exposure.id } })).resolvedAt).toEqual(resolvedAt);
    const r2 = await post(ingestScanRoute, JSON.stringify(reportOf({ ".cursor/mcp.json": config(SYNCED) })), bearer(scanKey.token));
    expect(((await r2.json()) as { data: { exposures: { reopened: number } } }).data.exposures.reopened).toBe(1);
    expect((await database.prisma.exposure.findUniqueOrThrow({ where: { id: exposure.id } })).resolvedAt).toBeNull();
  });
});

describe("POST /api/v1/scans/uploads", () => {
  const b64 = (s: string | Uint8Array) => Buffer.from(s).toString("base64");
  const upload = (files: { name: string; content: string | Uint8Array }[], who: TActor = actors.security) =>
    post(uploadScanRoute, JSON.stringify({ files: files.map((f) => ({ name: f.name, contentBase64: b64(f.content) })) }), { origin: "http://localhost" }, who, "http://localhost/api/v1/scans/uploads");

  it("scans files and a zip in memory, one result row per config, hostile entries as error rows", async () => {
    const zip = zipSync({ "laptop/.cursor/mcp.json": strToU8(config(SYNCED)), "laptop/README.md": strToU8("hello"), "../evil/.mcp.json": strToU8("{}") });
    const r = await upload([{ name: "claude_desktop_config.json", content: config(SYNCED) }, { name: "configs.zip", content: zip }, { name: "mcp.json", content: "\u0000\u0001binary" }]);
    expect(r.status).toBe(200);
    const { data } = (await r.json()) as { data: { files: { path: string; format: string; status: string; matched: number; error?: string }[] } };
    expect(data.files.map((f) => [f.path, f.format, f.status, f.matched])).toEqual(expect.arrayContaining([
      ["claude_desktop_config.json", "claude_desktop", "ok", 1],
      ["configs.zip!laptop/.cursor/mcp.json", "cursor", "ok", 1],
      ["mcp.json", "claude_code", "error", 0],
    ]));
    expect(data.files.find((f) => f.path.includes("entry-"))?.error).toMatch(/leaves the archive/);
    expect(data.files).toHaveLength(4);
    const exposure = await database.prisma.exposure.findUniqueOrThrow({ where: { fingerprint_location: { fingerprint: fingerprintOf(SYNCED), location: "upload:configs.zip!laptop/.cursor/mcp.json#mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN" } } });
    expect(exposure.credentialId).toBe(syncedId);
  });

  it("refuses a zip bomb (declared size) and too many entries whole, and an auditor", async () => {
    const before = await counts();
    const bomb = zipSync({ ".mcp.json": new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const r = await upload([{ name: "bomb.zip", content: bomb }]);
    expect(r.status).toBe(400);
    expect((await errorOf(r)).message).toMatch(/once uncompressed/);
    const many = zipSync(Object.fromEntries(Array.from({ length: 2_001 }, (_, i) => [`d/${i}.txt`, strToU8("x")])));
    const r2 = await upload([{ name: "many.zip", content: many }]);
    expect((await errorOf(r2)).message).toMatch(/more than 2000 entries/);
    const r3 = await upload([{ name: "x.json", content: config(SYNCED) }], actors.auditor);
    expect(r3.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("an entry that lies about its size cannot inflate past what it declared", async () => {
    const before = await counts();
    const zip = zipSync({ ".mcp.json": new Uint8Array(4 * 1024 * 1024).fill(32) }, { level: 9 });
    // Patch the declared uncompressed size (local header offset 22, central directory +24) to 100 bytes.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(22, 100, true);
    for (let i = zip.byteLength - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 100, true);
        break;
      }
    }
    const r = await upload([{ name: "liar.zip", content: zip }]);
    // Either refused as unreadable, or read as at most 100 bytes (an invalid JSON file): never 4 MB.
    if (r.status === 200) {
      const { data } = (await r.json()) as { data: { files: { status: string }[] } };
      expect(data.files.every((f) => f.status === "error")).toBe(true);
    } else {
      expect(r.status).toBe(400);
      expect(await counts()).toEqual(before);
    }
  });
});

describe("npm run scan -- --send, end to end against the route", () => {
  let server: Server;
  let url: string;
  let dir: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
        const response = await executeRoute(database.prisma, routeDefinitionOf(ingestScanRoute)!, null, request, database.read);
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(path.join(tmpdir(), "tw-scan-send-"));
    mkdirSync(path.join(dir, "proj/.cursor"), { recursive: true });
    writeFileSync(path.join(dir, "proj/.cursor/mcp.json"), config(SYNCED));
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends the report with the key; the synced credential's exposure is there; nothing secret crossed", async () => {
    const repo = path.resolve(import.meta.dirname, "../..");
    const run = (key: string) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(path.join(repo, "node_modules/.bin/tsx"), ["scripts/scan.ts", path.join(dir, "proj"), "--send", url, "--label", "dev-laptop"], { cwd: repo, env: { ...process.env, NODE_NO_WARNINGS: "1", TOKENWARD_API_KEY: key }, timeout: 60_000 }, (error, stdout, stderr) =>
          resolve({ code: error ? Number((error as { code?: number }).code ?? 99) : 0, stdout, stderr }),
        );
      });
    const refused = await run((await createKey(actors.admin, ["inventory:read"])).token);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/403/);
    const sent = await run(scanKey.token);
    expect(sent.stderr).toMatch(/200/);
    expect(sent.code).toBe(1);
    expect(`${sent.stdout}${sent.stderr}`).not.toContain(SYNCED);
    const exposure = await database.prisma.exposure.findUniqueOrThrow({ where: { fingerprint_location: { fingerprint: fingerprintOf(SYNCED), location: "dev-laptop:.cursor/mcp.json#mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN" } } });
    expect(exposure.credentialId).toBe(syncedId);
  }, 90_000);
});
