import "server-only";
import { unzipSync } from "fflate";
import { buildReport } from "@/lib/discovery/report";
import { errorFile, scanFile } from "@/lib/discovery/scan-file";
import type { TScanFile, TScanReport } from "@/lib/discovery/schemas";
import { AppError } from "@/lib/errors/app-error";
import { UPLOAD_LIMITS, type TUploadScanFiles } from "@/lib/scans/schemas";

/**
 * Uploaded files → a scan report, in memory only: nothing is written to disk and no content is
 * logged (the scanner's errors name positions and kinds, never content). A .zip is opened with
 * fflate under three guards checked on its central directory BEFORE anything is inflated — entry
 * count, the declared total uncompressed size, and entry paths (absolute, `..`, backslashes,
 * drive letters are refused) — and inflation writes into buffers of the declared size, so an
 * entry that lies about its size cannot inflate past it (fflate stops with an error, the entry is
 * an error file). Every uploaded config file is one row of the result, errors included.
 */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export function isZip(name: string, bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC) || (/\.zip$/i.test(name) && bytes.byteLength === 0);
}

/** A path inside an archive as the scanner should see it, or why it is refused. */
export function safeEntryPath(name: string): { ok: true; path: string } | { ok: false; reason: string } {
  if (name.includes("\\")) return { ok: false, reason: "backslash in entry path" };
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return { ok: false, reason: "absolute entry path" };
  const parts = name.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.includes("..")) return { ok: false, reason: "entry path leaves the archive (..)" };
  if (parts.length === 0) return { ok: false, reason: "empty entry path" };
  return { ok: true, path: parts.join("/") };
}

/** Only files a client would read are scanned from an archive; the rest of a zip is skipped unread. */
const CONFIG_NAME = /(?:^|\/)(?:claude_desktop_config\.json|\.mcp\.json|\.claude\.json|mcp\.json|mcp_config\.json)$/;

type TUnzipped = { files: { path: string; bytes: Uint8Array }[]; errors: TScanFile[]; skipped: number };

export function openZip(archiveName: string, bytes: Uint8Array): TUnzipped {
  const errors: TScanFile[] = [];
  let entries = 0;
  let declared = 0;
  let skipped = 0;
  let refusal: string | null = null;
  const wanted = new Map<string, string>();
  let result: Record<string, Uint8Array>;
  try {
    result = unzipSync(bytes, {
      // Called for every entry from the central directory, before any inflation.
      filter: (entry) => {
        entries++;
        if (entries > UPLOAD_LIMITS.zipEntries) refusal ??= `more than ${UPLOAD_LIMITS.zipEntries} entries`;
        declared += entry.originalSize;
        if (declared > UPLOAD_LIMITS.zipUncompressedBytes) refusal ??= `over ${UPLOAD_LIMITS.zipUncompressedBytes / 1024 / 1024} MB once uncompressed`;
        if (refusal) return false;
        if (entry.name.endsWith("/")) return false;
        const safe = safeEntryPath(entry.name);
        if (!safe.ok) {
          errors.push(errorFile(`${archiveName}!entry-${entries}`, "claude_code", `refused: ${safe.reason}`));
          return false;
        }
        if (!CONFIG_NAME.test(safe.path)) {
          skipped++;
          return false;
        }
        wanted.set(entry.name, safe.path);
        return true;
      },
    });
  } catch (error) {
    // fflate's messages name the structural problem (invalid zip data, unknown compression), never content.
    throw new AppError("VALIDATION", `${archiveName}: not a readable zip archive (${error instanceof Error ? error.message : "unknown error"})`);
  }
  if (refusal) throw new AppError("VALIDATION", `${archiveName}: refused, ${refusal}; nothing was scanned or stored`);
  const files = Object.entries(result).flatMap(([name, data]) => {
    const path = wanted.get(name);
    return path ? [{ path: `${archiveName}!${path}`, bytes: data }] : [];
  });
  return { files, errors, skipped };
}

function decodeBase64(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(value, "base64"));
}

/** The uploaded files scanned into one report (root "upload"); a hostile file is an error row, never a crash. */
export function scanUploads(input: TUploadScanFiles, now: Date): TScanReport {
  // A browser sends a base name; anything path-like is flattened so it can never name a place.
  const decoded = input.files.map((f) => ({ name: f.name.replace(/[\\/]/g, "_").replace(/^\.+$/, "_"), bytes: decodeBase64(f.contentBase64) }));
  const total = decoded.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (total > UPLOAD_LIMITS.totalBytes) {
    throw new AppError("VALIDATION", `The files add up to ${Math.ceil(total / 1024 / 1024)} MB, over the ${UPLOAD_LIMITS.totalBytes / 1024 / 1024} MB limit of one upload`);
  }
  const scanned: TScanFile[] = [];
  const notes: string[] = [];
  const names = new Set<string>();
  const unique = (path: string) => {
    let p = path;
    for (let i = 2; names.has(p); i++) p = `${path} (${i})`;
    names.add(p);
    return p;
  };
  for (const file of decoded) {
    if (isZip(file.name, file.bytes)) {
      const zip = openZip(file.name, file.bytes);
      for (const e of zip.errors) scanned.push({ ...e, path: unique(e.path) });
      for (const entry of zip.files) scanned.push(scanFile(unique(entry.path), entry.bytes));
      if (zip.skipped > 0) notes.push(`${file.name}: ${zip.skipped} entries that are not MCP client configs were skipped unread`);
    } else {
      scanned.push(scanFile(unique(file.name), file.bytes));
    }
    if (scanned.length > UPLOAD_LIMITS.scannedFiles) {
      throw new AppError("VALIDATION", `More than ${UPLOAD_LIMITS.scannedFiles} config files in one upload; upload fewer at a time`);
    }
  }
  return buildReport(scanned, { scannedAt: now, root: "upload", notes });
}
