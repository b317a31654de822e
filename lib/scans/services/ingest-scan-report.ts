import "server-only";
import { createHash } from "node:crypto";
import type { TFinding, TScanFile, TScanReport, TScanServer } from "@/lib/discovery/schemas";
import { TOKEN_FORMATS } from "@/lib/discovery/detectors/registry";
import type { TProviderHint } from "@/lib/discovery/vocabulary";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import type { TAuditDraft, TRunOutcome, TTx } from "@/lib/server/execute";

/**
 * Turns a scan report into inventory, in the caller's (the pipeline's) one transaction:
 * - each scanned server becomes an McpServer, found again by its discovery key (or, for a remote
 *   server, by the URL an admin registered it under);
 * - each fingerprint is matched to the inventory (a credential a connector synced lights up), an AWS
 *   secret key by its access key id; a fingerprint nobody knows becomes a credential (source scan);
 * - each finding becomes an Exposure keyed (fingerprint, file#keyPath): a second report re-creates
 *   nothing, only moves last_seen_at, and re-opens an exposure marked remediated before that scan;
 * - the credentials touched are rescored (lib/risk) before the transaction commits.
 * Nothing here ever sees a secret: the report holds fingerprints and 4-character hints.
 */

export type TIngestFileResult = {
  path: string;
  format: string;
  status: "ok" | "error";
  error?: string;
  servers: number;
  /** Distinct credentials (fingerprints) found in the file. */
  credentials: number;
  /** Of those, already in the inventory from another source (a sync, an API key, manual). */
  matched: number;
  /** The matched credentials, for links (at most 20 a file). */
  matchedCredentials: { id: string; name: string }[];
};

export type TIngestResult = {
  files: TIngestFileResult[];
  servers: { created: number; existing: number };
  credentials: { matched: number; created: number; alreadyFromScan: number };
  exposures: { created: number; seenAgain: number; reopened: number };
  rescored: number;
};

type TPlaced = { file: TScanFile; fileIndex: number; server: TScanServer | null; serverKey: string | null; finding: TFinding };

type TKnown = { id: string; name: string; source: string; fingerprint: string | null; externalId: string | null };

const MATCHED_SHOWN = 20;
const NAME_MAX = 200;

/** Scanned servers are found again by what they run (or where they live), not by file: the same server in two configs is one server. */
export function discoveryKey(server: TScanServer): string {
  const unmark = (s: string) => s.replace(/«redacted:[^»]*»/g, "«redacted»");
  const what = server.url ? `url:${unmark(server.url)}` : `cmd:${unmark([server.command ?? "", ...(server.args ?? [])].join(" "))}`;
  return `scan:v1:${createHash("sha256").update(`${server.name}\u0000${server.transport}\u0000${what}`).digest("hex")}`;
}

/** Where an exposure is: the file (under the report's root label) and the key path inside it. */
export function exposureLocation(root: string | undefined, filePath: string, keyPath: string): string {
  return `${root ? `${root}:` : ""}${filePath}#${keyPath}`;
}

const TRANSPORT: Record<string, "stdio" | "streamable_http" | "sse"> = { stdio: "stdio", http: "streamable_http", sse: "sse" };

function detectorLabel(id: string): string {
  return TOKEN_FORMATS.find((f) => f.id === id)?.label ?? id.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/** Provider types that are themselves connectors / scope families; other hints are services under `api_key`. */
const DIRECT_TYPES = new Set<TProviderHint>(["github", "aws_iam", "atlassian", "slack", "tokenward"]);
export const SCAN_PROVIDER = { name: "Found by config scan", type: "config_scan" } as const;

/**
 * The provider a new scanned credential is filed under: an existing provider of the hinted type
 * (the oldest), else the one "Found by config scan" provider (never called; it only groups).
 */
async function providerFor(tx: TTx, hint: TProviderHint, cache: Map<string, string>): Promise<string> {
  const cached = cache.get(hint);
  if (cached) return cached;
  let id: string | undefined;
  if (DIRECT_TYPES.has(hint)) {
    id = (await tx.provider.findFirst({ where: { type: hint }, orderBy: { createdAt: "asc" }, select: { id: true } }))?.id;
  } else if (hint !== "unknown") {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text AS id FROM providers WHERE type = 'api_key' AND config->>'service' = $1 ORDER BY created_at LIMIT 1`,
      hint,
    );
    id = rows[0]?.id;
  }
  if (!id) {
    await tx.$executeRawUnsafe(
      `INSERT INTO providers (id, name, type, enabled, sensitivity, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, false, 'moderate', now(), now()) ON CONFLICT (name) DO NOTHING`,
      SCAN_PROVIDER.name,
      SCAN_PROVIDER.type,
    );
    id = (await tx.provider.findUniqueOrThrow({ where: { name: SCAN_PROVIDER.name }, select: { id: true } })).id;
  }
  cache.set(hint, id);
  return id;
}

function placeFindings(report: TScanReport): TPlaced[] {
  const out: TPlaced[] = [];
  report.files.forEach((file, fileIndex) => {
    for (const finding of file.findings) out.push({ file, fileIndex, server: null, serverKey: null, finding });
    for (const server of file.servers) {
      const serverKey = discoveryKey(server);
      for (const finding of server.findings) out.push({ file, fileIndex, server, serverKey, finding });
    }
  });
  return out;
}

async function upsertServers(tx: TTx, report: TScanReport): Promise<{ ids: Map<string, string>; created: number; existing: number }> {
  const wanted = new Map<string, TScanServer>();
  for (const file of report.files) for (const server of file.servers) if (!wanted.has(discoveryKey(server))) wanted.set(discoveryKey(server), server);
  const ids = new Map<string, string>();
  let created = 0;
  let existing = 0;
  // In key order: two reports naming the same servers insert them in the same order.
  for (const [key, server] of [...wanted.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    // A remote server's URL is its resource: one an admin registered is the same server.
    const resource = server.url && !server.url.includes("«redacted") ? server.url : null;
    const found =
      (await tx.mcpServer.findUnique({ where: { discoveryKey: key }, select: { id: true } })) ??
      (resource ? await tx.mcpServer.findUnique({ where: { resourceUri: resource }, select: { id: true } }) : null);
    if (found) {
      ids.set(key, found.id);
      existing++;
      continue;
    }
    const hasStatic = server.findings.length > 0 || server.references.some((r) => /\.headers\./.test(r.keyPath));
    const command = server.command ? [server.command, ...(server.args ?? [])].join(" ").slice(0, 2000) : null;
    const row = await tx.mcpServer.create({
      data: {
        name: server.name.slice(0, NAME_MAX),
        discoveryKey: key,
        resourceUri: resource,
        command,
        transport: TRANSPORT[server.transport] ?? (server.url ? "streamable_http" : "stdio"),
        authMode: hasStatic ? "static_token" : "none",
      },
      select: { id: true },
    });
    ids.set(key, row.id);
    created++;
  }
  return { ids, created, existing };
}

export async function ingestScanReport(tx: TTx, report: TScanReport, options: { now?: Date } = {}): Promise<TRunOutcome<TIngestResult>> {
  const now = options.now ?? new Date();
  // The sender's clock decides nothing in the future: a report dated later counts as "now".
  const scannedAt = new Date(Math.min(new Date(report.scannedAt).getTime(), now.getTime()));
  const placed = placeFindings(report);

  const servers = await upsertServers(tx, report);

  // 1. The inventory's view of every fingerprint (and of AWS access key ids, a synced key's only handle).
  const fingerprints = [...new Set(placed.map((p) => p.finding.fingerprint))];
  const known = new Map<string, TKnown>();
  if (fingerprints.length > 0) {
    const rows = await tx.credential.findMany({ where: { fingerprint: { in: fingerprints } }, select: { id: true, name: true, source: true, fingerprint: true, externalId: true } });
    for (const r of rows) known.set(r.fingerprint!, r);
  }
  const awsIds = [...new Set(placed.filter((p) => !known.has(p.finding.fingerprint) && p.finding.externalId).map((p) => p.finding.externalId!))];
  if (awsIds.length > 0) {
    const rows = await tx.$queryRawUnsafe<TKnown[]>(
      `SELECT c.id::text AS id, c.name, c.source::text AS source, c.fingerprint, c.external_id AS "externalId"
         FROM credentials c JOIN providers p ON p.id = c.provider_id
        WHERE p.type = 'aws_iam' AND c.external_id = ANY($1::text[]) ORDER BY c.id`,
      awsIds,
    );
    for (const p of placed) {
      if (known.has(p.finding.fingerprint) || !p.finding.externalId) continue;
      const row = rows.find((r) => r.externalId === p.finding.externalId);
      if (!row) continue;
      known.set(p.finding.fingerprint, row);
      // The synced key learns its secret's fingerprint, so the next match is direct.
      if (row.fingerprint === null) {
        await tx.credential.update({ where: { id: row.id }, data: { fingerprint: p.finding.fingerprint, hint: p.finding.hint || null } });
        row.fingerprint = p.finding.fingerprint;
      }
    }
  }

  // 2. Fingerprints nobody knows become credentials (source scan), in one statement; ON CONFLICT keeps
  // a concurrent report's row (then it counts as known, not created).
  const providerCache = new Map<string, string>();
  const fresh: { fp: string; name: string; kind: string; providerId: string; externalId: string | null; hint: string | null; metadata: string }[] = [];
  for (const fp of fingerprints) {
    if (known.has(fp)) continue;
    const first = placed.find((p) => p.finding.fingerprint === fp)!;
    const f = first.finding;
    const where = first.server ? `${first.server.name} in ${first.file.path}` : first.file.path;
    fresh.push({
      fp, kind: f.credentialKind, externalId: f.externalId ?? null, hint: f.hint || null,
      name: `${detectorLabel(f.detector)}${f.hint ? ` …${f.hint}` : ""} (${where})`.slice(0, NAME_MAX),
      providerId: await providerFor(tx, f.providerHint, providerCache),
      metadata: JSON.stringify({ scan: { detector: f.detector, providerHint: f.providerHint, confidence: f.confidence } }),
    });
  }
  const createdFingerprints: string[] = [];
  if (fresh.length > 0) {
    const inserted = await tx.$queryRawUnsafe<{ fingerprint: string }[]>(
      `INSERT INTO credentials (id, name, kind, provider_id, external_id, fingerprint, hint, source, provider_metadata, created_at, updated_at)
       SELECT gen_random_uuid(), t.name, t.kind::"CredentialKind", t.provider_id, t.external_id, t.fingerprint, t.hint, 'scan', t.metadata::jsonb, $8::timestamp(3), $8::timestamp(3)
         FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(name, kind, provider_id, external_id, fingerprint, hint, metadata)
        ORDER BY t.fingerprint
       ON CONFLICT (fingerprint) DO NOTHING RETURNING fingerprint`,
      fresh.map((c) => c.name), fresh.map((c) => c.kind), fresh.map((c) => c.providerId), fresh.map((c) => c.externalId),
      fresh.map((c) => c.fp), fresh.map((c) => c.hint), fresh.map((c) => c.metadata), now.toISOString(),
    );
    createdFingerprints.push(...inserted.map((r) => r.fingerprint));
    const created = new Set(createdFingerprints);
    const rows = await tx.credential.findMany({ where: { fingerprint: { in: fresh.map((c) => c.fp) } }, select: { id: true, name: true, source: true, fingerprint: true, externalId: true } });
    for (const row of rows) known.set(row.fingerprint!, created.has(row.fingerprint!) ? { ...row, source: "__created" } : row);
  }

  // 3. Exposures: one per (fingerprint, file#keyPath); seen again → last_seen_at; remediated before this scan → re-opened.
  const seen = new Map<string, TPlaced>();
  for (const p of placed) seen.set(`${p.finding.fingerprint}\u0000${exposureLocation(report.root, p.file.path, p.finding.keyPath)}`, p);
  const rows = [...seen.values()];
  let exposures = { created: 0, seenAgain: 0, reopened: 0 };
  if (rows.length > 0) {
    const result = await tx.$queryRawUnsafe<{ created: number; reopened: number; total: number }[]>(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[])
           AS t(fingerprint, location, credential_id, mcp_server_id, key_path, detector)
       ), before AS (
         SELECT e.fingerprint, e.location, e.resolved_at FROM exposures e JOIN input i USING (fingerprint, location)
       ), up AS (
         INSERT INTO exposures (id, credential_id, fingerprint, location_kind, location, detector, detected_at, mcp_server_id, key_path, last_seen_at)
         SELECT gen_random_uuid(), i.credential_id, i.fingerprint, 'mcp_config', i.location, i.detector, $7::timestamp(3), i.mcp_server_id, i.key_path, $8::timestamp(3)
           FROM input i ORDER BY i.fingerprint, i.location
         ON CONFLICT (fingerprint, location) DO UPDATE SET
           last_seen_at = greatest(exposures.last_seen_at, EXCLUDED.last_seen_at),
           credential_id = coalesce(exposures.credential_id, EXCLUDED.credential_id),
           mcp_server_id = coalesce(EXCLUDED.mcp_server_id, exposures.mcp_server_id),
           key_path = coalesce(exposures.key_path, EXCLUDED.key_path),
           resolved_at = CASE WHEN exposures.resolved_at < EXCLUDED.last_seen_at THEN NULL ELSE exposures.resolved_at END
         RETURNING fingerprint, location, (xmax = 0) AS inserted
       )
       SELECT count(*) FILTER (WHERE up.inserted)::int AS created,
              count(*) FILTER (WHERE NOT up.inserted AND b.resolved_at IS NOT NULL AND b.resolved_at < $8::timestamp(3))::int AS reopened,
              count(*)::int AS total
         FROM up LEFT JOIN before b USING (fingerprint, location)`,
      rows.map((p) => p.finding.fingerprint),
      rows.map((p) => exposureLocation(report.root, p.file.path, p.finding.keyPath)),
      rows.map((p) => known.get(p.finding.fingerprint)!.id),
      rows.map((p) => (p.serverKey ? servers.ids.get(p.serverKey)! : null)),
      rows.map((p) => p.finding.keyPath),
      rows.map((p) => p.finding.detector),
      now.toISOString(),
      scannedAt.toISOString(),
    );
    const r = result[0]!;
    exposures = { created: r.created, seenAgain: r.total - r.created, reopened: r.reopened };
  }

  // 4. Rescore what this report touched (exposure_count is kept by the exposures trigger first).
  const affected = [...new Set(fingerprints.map((fp) => known.get(fp)!.id))];
  await recomputeCredentials(tx, affected, { now });

  const files: TIngestFileResult[] = report.files.map((file, i) => {
    const fps = [...new Set(placed.filter((p) => p.fileIndex === i).map((p) => p.finding.fingerprint))];
    const matched = fps.map((fp) => known.get(fp)!).filter((k) => k.source !== "scan" && k.source !== "__created");
    return {
      path: file.path, format: file.format, status: file.status, ...(file.error ? { error: file.error } : {}),
      servers: file.servers.length, credentials: fps.length, matched: matched.length,
      matchedCredentials: matched.slice(0, MATCHED_SHOWN).map((k) => ({ id: k.id, name: k.name })),
    };
  });
  const knownList = fingerprints.map((fp) => known.get(fp)!);
  const data: TIngestResult = {
    files,
    servers: { created: servers.created, existing: servers.existing },
    credentials: {
      created: createdFingerprints.length,
      matched: knownList.filter((k) => k.source !== "scan" && k.source !== "__created").length,
      alreadyFromScan: knownList.filter((k) => k.source === "scan").length,
    },
    exposures,
    rescored: affected.length,
  };
  const audit: TAuditDraft = {
    targetType: "scan",
    targetId: null,
    summary: {
      scanner: report.scanner, scannedAt: report.scannedAt, root: report.root ?? null,
      files: report.files.length, filesWithErrors: report.totals.filesWithErrors,
      servers: data.servers, credentials: data.credentials, exposures: data.exposures,
      // Ids, never fingerprints: the trail shows which credentials a scan lit up.
      matchedCredentialIds: knownList.filter((k) => k.source !== "scan" && k.source !== "__created").slice(0, 100).map((k) => k.id),
    },
  };
  return { data, audit };
}
