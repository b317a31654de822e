import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKeyOperation } from "@/lib/api-keys/operations";
import type { TCreatedApiKey } from "@/lib/api-keys/services/create-api-key";
import { executeOperation } from "@/lib/server/execute";
import type { TAuditSigning } from "@/lib/audit/audit-keys";
import type { TActor } from "@/lib/auth/actor";
import type { TRole } from "@/lib/auth/permissions";
import { prismaReader } from "@/lib/db/sql-reader";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { REPORT_FORMATS, REPORT_IDS, reportExportHref, type TReportFormat, type TReportId } from "@/lib/reports/catalogue";
import { checkReportBytes } from "@/lib/reports/manifest";
import { findReportManifest } from "@/lib/reports/queries";
import { exportReportRoute, reportManifestRoute } from "@/lib/reports/routes";
import { ZReportExportQuery } from "@/lib/reports/schemas";
import { startReportExport } from "@/lib/reports/services/stream-report-export";
import { inventorySource } from "@/lib/reports/sources/inventory";
import { listCredentials } from "@/lib/inventory/queries";
import { SORT_KEYS, type TCredentialListQuery } from "@/lib/inventory/query-params";
import { seedDatabase } from "@/lib/seed";
import { executeRoute, routeDefinitionOf } from "@/lib/server/route";
import { seededActors, snapshotCounts } from "@/lib/testing/fixtures";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * Every report in every format on a seeded organisation (PGlite and PostgreSQL): the content has the
 * rows the database has, the signed manifest verifies and catches a changed byte, the PDF renders to
 * a page that is not blank (poppler's pdftoppm) and its text has the totals (pdftotext), the export
 * and its completion are audit events, and the route refuses owners, reused ids and bad filters.
 */

const run = promisify(execFile);
const keys = generateKeyPairSync("ed25519");
const signing: TAuditSigning = { signer: { keyId: "reports-test", privateKey: keys.privateKey }, verifyKeys: [{ keyId: "reports-test", publicKey: keys.publicKey }], every: 1000 };
const CREDENTIALS = 60;

let database: TTestDatabase;
let prisma: PrismaClient;
let actors: Record<TRole, TActor>;
let dir: string;
let campaignId: string;

function request(report: TReportId, format: TReportFormat, filters = "") {
  const url = new URL(`http://localhost${reportExportHref(report, format, crypto.randomUUID(), filters)}`);
  return ZReportExportQuery.parse(Object.fromEntries(url.searchParams));
}

async function exportBytes(report: TReportId, format: TReportFormat, filters = "") {
  const req = request(report, format, filters);
  const out = await startReportExport({ prisma, read: prismaReader(prisma), actor: actors.auditor, signing }, req);
  const bytes = new Uint8Array(await new Response(out.stream).arrayBuffer());
  const manifest = await findReportManifest(prisma, req.exportId);
  return { bytes, manifest: manifest!, out };
}

const handler = (fn: unknown) => routeDefinitionOf(fn)!;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  await seedDatabase(prisma, { credentials: CREDENTIALS, seed: 5, demoPassword: "reports-test-password" });
  actors = await seededActors(prisma);
  const creds = await prisma.credential.findMany({ take: 3, orderBy: { id: "asc" }, select: { id: true, providerId: true } });
  const base = { kind: "revocation" as const, requestedByLabel: "security@tokenward.local (security)", reason: "leaked, in a, \"quoted\" place" };
  await prisma.workflow.create({ data: { ...base, credentialId: creds[0]!.id, providerId: creds[0]!.providerId, state: "completed", breakGlass: true, completedAt: new Date() } });
  await prisma.workflow.create({ data: { ...base, kind: "rotation", credentialId: creds[1]!.id, providerId: creds[1]!.providerId, state: "rejected", decidedByLabel: "owner@tokenward.local (owner)", decisionComment: "=still needed" } });
  await prisma.workflow.create({ data: { ...base, credentialId: creds[2]!.id, providerId: creds[2]!.providerId, state: "requested" } });
  const campaign = await prisma.reviewCampaign.create({ data: { name: "Q4 GitHub write scopes", filter: "provider=github", dueAt: new Date(Date.now() + 7 * 86_400_000), itemCount: 3, createdByLabel: "security@tokenward.local (security)" } });
  campaignId = campaign.id;
  const item = (i: number) => ({ campaignId, credentialId: creds[i]!.id, name: `credential ${i}`, providerName: "GitHub", kind: "pat", riskLevel: "high", riskScore: 70, assignment: "owner" });
  await prisma.reviewItem.create({ data: { ...item(0), decision: "keep", comment: "=still used by the nightly job", decidedByLabel: "owner@tokenward.local (owner)", decidedAt: new Date() } });
  await prisma.reviewItem.create({ data: { ...item(1), decision: "revoke", comment: "nobody uses it", decidedByLabel: "owner@tokenward.local (owner)", decidedAt: new Date() } });
  await prisma.reviewItem.create({ data: { ...item(2), overdue: true } });
  dir = mkdtempSync(path.join(tmpdir(), "tw-reports-"));
}, 180_000);

afterAll(async () => {
  await database?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("report exports", () => {
  for (const report of REPORT_IDS) {
    for (const format of REPORT_FORMATS) {
      it(`${report} as ${format}: the signed manifest verifies, a changed byte does not`, async () => {
        const { bytes, manifest, out } = await exportBytes(report, format);
        expect(manifest).toBeTruthy();
        expect(out.filename.endsWith(`.${format}`)).toBe(true);
        expect(manifest).toMatchObject({ report, contentFormat: format, keyId: "reports-test", byteLength: bytes.byteLength, requestedBy: { id: actors.auditor.id, role: "auditor" } });
        expect(manifest.auditHead?.seq).toMatch(/^\d+$/);
        expect(checkReportBytes(manifest, bytes, signing.verifyKeys)).toMatchObject({ ok: true });
        const changed = bytes.slice();
        const at = Math.floor(changed.length / 2);
        changed[at] = changed[at]! ^ 0x20;
        expect(checkReportBytes(manifest, changed, signing.verifyKeys).ok).toBe(false);
      });
    }
  }

  it("the inventory CSV and JSON hold every credential of the view, in the view's order", async () => {
    const all = await prisma.credential.count();
    const csv = await exportBytes("inventory", "csv", "sort=name&dir=asc");
    const rows = parse(Buffer.from(csv.bytes).toString("utf8"), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(all);
    expect(csv.manifest.rowCount).toBe(all);
    const names = rows.map((r) => r.Name!.replace(/^'/, ""));
    expect(names).toEqual((await prisma.credential.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { name: true } })).map((c) => c.name));

    const high = await prisma.credentialRisk.count({ where: { level: { in: ["high", "critical"] } } });
    const json = await exportBytes("inventory", "json", "risk=high,critical");
    const doc = JSON.parse(Buffer.from(json.bytes).toString("utf8")) as { filters: Record<string, string>; rows: { riskLevel: string }[] };
    expect(doc.filters).toEqual({ risk: "high,critical" });
    expect(doc.rows).toHaveLength(high);
    expect(json.manifest.filters).toEqual({ risk: "high,critical" });
    for (const r of doc.rows) expect(["high", "critical"]).toContain(r.riskLevel);
  });

  it("the flat export walks every view in exactly the inventory list's order (every sort, both directions, small pages)", async () => {
    const now = new Date();
    const views: Omit<TCredentialListQuery, "limit">[] = [];
    for (const sort of SORT_KEYS) for (const dir of ["asc", "desc"] as const) views.push({ sort, dir });
    views.push({ sort: "expires", dir: "asc", neverExpires: true }, { sort: "owner", dir: "desc", owner: "none" }, { sort: "risk", dir: "desc", risk: ["high", "critical", "medium"] }, { sort: "lastUsed", dir: "asc", mine: true });
    // Resolved before the pages (lib/inventory/resolve-filter.ts): scope names, rare and absent tags.
    views.push({ sort: "name", dir: "asc", scope: "read" }, { sort: "name", dir: "desc", scope: "no-such-scope-zq" }, { sort: "expires", dir: "asc", privilege: ["unknown"] });
    const [held] = await prisma.$queryRawUnsafe<{ f: string }[]>("SELECT unnest(factor_ids) AS f FROM credential_risks GROUP BY 1 ORDER BY count(*) LIMIT 1");
    if (held) views.push({ sort: "name", dir: "asc", factor: held.f as never });
    for (const view of views) {
      const listed: string[] = [];
      let after: string | undefined;
      do {
        const page = await listCredentials(prisma, { ...view, limit: 9, after }, now, actors.owner);
        listed.push(...page.items.map((i) => i.id));
        after = page.nextCursor ?? undefined;
      } while (after);
      const exported: string[] = [];
      for await (const page of inventorySource(prismaReader(prisma), view, actors.owner, now, 7).pages()) exported.push(...page.map((r) => String(r[0])));
      expect(exported, JSON.stringify(view)).toEqual(listed);
    }
  });

  it("the export resolves scope names and rare tags once, before its pages, as the list does", async () => {
    const statements: string[] = [];
    const reader = prismaReader(prisma);
    const read: typeof reader = async (text, values) => {
      statements.push(text);
      return reader(text, values);
    };
    const view = { sort: "name", dir: "asc", scope: "no-such-scope-zq", privilege: ["unknown"] } as Omit<TCredentialListQuery, "limit">;
    const exported = [];
    for await (const page of inventorySource(read, view, actors.security, new Date(), 7).pages()) exported.push(...page);
    expect(exported).toEqual([]);
    const pages = statements.filter((t) => t.includes("FROM credentials c JOIN credential_risks r"));
    expect(statements.length - pages.length).toBeGreaterThanOrEqual(2);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatch(/\bfalse\b/);
    expect(pages[0]).not.toContain("scope_names");
  });

  it("the workflow history has break-glass and rejected requests; cells starting with = are defused", async () => {
    const { bytes } = await exportBytes("workflows", "csv");
    const rows = parse(Buffer.from(bytes).toString("utf8"), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.State === "completed")?.["Break-glass"]).toBe("true");
    const rejected = rows.find((r) => r.State === "rejected")!;
    expect(rejected["Decision comment"]).toBe("'=still needed");
    expect(rejected.Reason).toBe('leaked, in a, "quoted" place');
    expect((await exportBytes("workflows", "json", "breakGlass=1")).manifest.rowCount).toBe(1);
    expect((await exportBytes("workflows", "json", "state=rejected,requested")).manifest.rowCount).toBe(2);
  });

  it("the access review results list every item with its decision; a campaign filter narrows them; comments are defused", async () => {
    const { bytes, manifest } = await exportBytes("campaigns", "csv", `campaign=${campaignId}`);
    const rows = parse(Buffer.from(bytes).toString("utf8"), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.Credential, r.Decision, r.Overdue])).toEqual([
      ["credential 0", "keep", "false"],
      ["credential 1", "revoke", "false"],
      ["credential 2", "", "true"],
    ]);
    expect(rows[0]!.Comment).toBe("'=still used by the nightly job");
    expect(manifest.filters).toEqual({ campaign: campaignId });
    expect((await exportBytes("campaigns", "json", `campaign=${crypto.randomUUID()}`)).manifest.rowCount).toBe(0);
    // An empty report is still a readable, signed PDF (all-zero chart).
    const empty = await exportBytes("campaigns", "pdf", `campaign=${crypto.randomUUID()}`);
    expect(Buffer.from(empty.bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(checkReportBytes(empty.manifest, empty.bytes, signing.verifyKeys)).toMatchObject({ ok: true });
    expect((await exportBytes("campaigns", "json")).manifest.rowCount).toBe(3);
  });

  it("the audit extract honours its time range", async () => {
    const everything = await exportBytes("audit", "json");
    expect(everything.manifest.rowCount).toBeGreaterThan(0);
    const none = await exportBytes("audit", "json", "to=2000-01-01");
    expect(none.manifest.rowCount).toBe(0);
    // An empty PDF still says what it is and that nothing matched.
    const empty = await exportBytes("audit", "pdf", "to=2000-01-01");
    writeFileSync(path.join(dir, "empty.pdf"), empty.bytes);
    const { stdout: text } = await run("pdftotext", [path.join(dir, "empty.pdf"), "-"]);
    expect(text).toContain("Events: 0");
    expect(text).toContain("Nothing to chart");
    expect(text).toContain("No rows match these filters.");
  });

  it("the PDF renders to a page that is not blank, and its text has the totals", async () => {
    const all = await prisma.credential.count();
    const { bytes } = await exportBytes("inventory", "pdf");
    const file = path.join(dir, "inventory.pdf");
    writeFileSync(file, bytes);
    const { stdout: text } = await run("pdftotext", ["-layout", file, "-"]);
    expect(text).toContain("Inventory review");
    expect(text).toMatch(new RegExp(`Credentials: ${all}\\b`));
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain("Credentials by risk level");
    for (const page of [1, 2]) {
      await run("pdftoppm", ["-gray", "-r", "40", "-f", String(page), "-l", String(page), file, path.join(dir, `p${page}`)]);
      const pgm = readFileSync(path.join(dir, `p${page}-${page}.pgm`));
      // P5 header: "P5\n<w> <h>\n255\n", then one byte per pixel.
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString("latin1"))!;
      const pixels = pgm.subarray(header[0].length);
      const dark = pixels.filter((v) => v < 160).length;
      expect(pixels.length).toBe(Number(header[1]) * Number(header[2]));
      expect(dark / pixels.length).toBeGreaterThan(0.005);
    }
  });
});

describe("the export routes", () => {
  const get = (fn: unknown, actor: TActor | null, query: string) => executeRoute(prisma, handler(fn), actor, new Request(`http://localhost/api/v1/reports/x?${query}`));

  it("an auditor's export is an audit event, then its manifest is one and can be fetched", async () => {
    const exportId = crypto.randomUUID();
    const response = await get(exportReportRoute, actors.auditor, `report=frameworks&format=csv&exportId=${exportId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="tokenward-frameworks-.*\.csv"/);
    const started = await prisma.auditEvent.findFirst({ where: { targetId: exportId, action: "report.export" } });
    expect(started).toMatchObject({ actorId: actors.auditor.id, targetType: "report_export", summary: { report: "frameworks", format: "csv", filters: {} } });
    expect((await get(reportManifestRoute, actors.auditor, `exportId=${exportId}`)).status).toBe(404);
    await response.text();
    const manifestResponse = await get(reportManifestRoute, actors.auditor, `exportId=${exportId}`);
    expect(manifestResponse.status).toBe(200);
    expect(manifestResponse.headers.get("content-disposition")).toMatch(/\.csv\.manifest\.json"/);
    const manifest = await manifestResponse.json();
    expect(manifest).toMatchObject({ exportId, report: "frameworks", rowCount: expect.any(Number) });
    // The head it names is the export's own start event (the export is inside the chain it vouches for).
    expect(manifest.auditHead.seq).toBe(started!.seq.toString());
  });

  it("a reused export id is a conflict", async () => {
    const exportId = crypto.randomUUID();
    await (await get(exportReportRoute, actors.security, `report=frameworks&format=json&exportId=${exportId}`)).text();
    expect((await get(exportReportRoute, actors.security, `report=frameworks&format=json&exportId=${exportId}`)).status).toBe(409);
  });

  it("an owner is refused, and the refusal is recorded", async () => {
    const before = await prisma.auditEvent.count({ where: { action: "access.denied", actorId: actors.owner.id } });
    expect((await get(exportReportRoute, actors.owner, "report=inventory&format=csv")).status).toBe(403);
    expect((await get(reportManifestRoute, actors.owner, `exportId=${crypto.randomUUID()}`)).status).toBe(403);
    expect(await prisma.auditEvent.count({ where: { action: "access.denied", actorId: actors.owner.id } })).toBe(before + 2);
    expect((await get(exportReportRoute, null, "report=inventory&format=csv")).status).toBe(401);
  });

  it("a machine exports with an API key holding reports:export; a key without it is refused", async () => {
    const create = async (scopes: string[]) => {
      const result = await executeOperation(prisma, createApiKeyOperation, actors.admin, { name: `reports ${scopes.join(" ")}`, scopes, expiresInDays: 30 });
      if (!result.ok) throw new Error(result.error.message);
      return result.data as TCreatedApiKey;
    };
    const withScope = await create(["reports:export"]);
    const without = await create(["inventory:read"]);
    const call = (token: string) =>
      executeRoute(prisma, handler(exportReportRoute), null, new Request("http://localhost/api/v1/reports/export?report=frameworks&format=json", { headers: { authorization: `Bearer ${token}` } }));
    const ok = await call(withScope.token);
    expect(ok.status).toBe(200);
    const exportId = ok.headers.get("x-report-export-id")!;
    expect(ok.headers.get("link")).toBe(`</api/v1/reports/manifest?exportId=${exportId}>; rel="describedby"`);
    await ok.text();
    expect(await findReportManifest(prisma, exportId)).toMatchObject({ requestedBy: { apiKeyId: withScope.id } });
    expect((await call(without.token)).status).toBe(403);
  });

  it("hostile filters are refused with a clear message and nothing is written", async () => {
    const before = await snapshotCounts(prisma);
    const cases: [string, RegExp][] = [
      ["report=secrets&format=csv", /report must be one of/],
      ["report=inventory&format=xlsx", /format must be one of/],
      ["report=inventory&format=csv&risk=extreme", /risk/],
      ["report=inventory&format=csv&dropTable=1", /not an inventory parameter/],
      ["report=audit&format=csv&from=yesterday", /from must be a date/],
      ["report=audit&format=csv&from=2026-02-01&to=2026-01-01", /from must be earlier than to/],
      ["report=audit&format=csv&action=DROP%20TABLE", /audit action name/],
      ["report=workflows&format=csv&state=exploded", /state/],
      ["report=frameworks&format=csv&framework=iso27001", /framework/],
      ["report=campaigns&format=csv&campaign=1%20OR%201%3D1", /campaign must be a review campaign id/],
      ["report=frameworks&format=csv&exportId=not-a-uuid", /exportId must be a UUID/],
      ["report=inventory&format=csv&format=pdf", /given 2 times/],
    ];
    for (const [query, message] of cases) {
      const response = await get(exportReportRoute, actors.auditor, query);
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(await response.json()), query).toMatch(message);
    }
    expect(await snapshotCounts(prisma)).toEqual(before);
  });
});

describe("npm run report:verify", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const cli = async (...args: string[]) => {
    try {
      const { stdout } = await run("npm", ["run", "--silent", "report:verify", "--", ...args], { cwd: root, env: { ...process.env, NODE_NO_WARNINGS: "1" } });
      return { code: 0, out: stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };

  it("exit 0 for an intact export, 1 for a changed byte or a forged manifest, 2 without a manifest", async () => {
    const { bytes, manifest } = await exportBytes("workflows", "csv");
    const file = path.join(dir, "history.csv");
    const pub = path.join(dir, "audit-pub.pem");
    writeFileSync(file, bytes);
    writeFileSync(`${file}.manifest.json`, JSON.stringify(manifest));
    writeFileSync(pub, String(keys.publicKey.export({ format: "pem", type: "spki" })));
    const intact = await cli(file, "--public-key", pub);
    expect(intact.out).toContain("✔ verified");
    expect(intact.code).toBe(0);

    const changed = Buffer.from(bytes);
    changed[10] = changed[10]! ^ 1;
    writeFileSync(path.join(dir, "changed.csv"), changed);
    const altered = await cli(path.join(dir, "changed.csv"), "--manifest", `${file}.manifest.json`, "--public-key", pub);
    expect(altered.code).toBe(1);
    expect(altered.out).toMatch(/SHA-256.*altered/);

    const forger = generateKeyPairSync("ed25519");
    const { signature: _s, keyId: _k, ...unsigned } = manifest;
    const { signManifest } = await import("@/lib/reports/manifest");
    writeFileSync(path.join(dir, "forged.json"), JSON.stringify(signManifest(unsigned, { keyId: manifest.keyId!, privateKey: forger.privateKey })));
    const forged = await cli(file, "--manifest", path.join(dir, "forged.json"), "--public-key", pub);
    expect(forged.code).toBe(1);
    expect(forged.out).toMatch(/signature does not verify/);

    expect((await cli(path.join(dir, "changed.csv"), "--public-key", pub)).code).toBe(2);
  }, 60_000);
});
