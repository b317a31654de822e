import { createHash, sign, verify } from "node:crypto";
import { canonicalJson } from "@/lib/audit/hash";
import type { TAuditSigner, TAuditVerifyKey } from "@/lib/audit/signing";

/**
 * The manifest every export carries: what was asked, by whom, when, how many rows, SHA-256 of the
 * exact bytes served, the audit-chain head when it was generated, and an Ed25519 signature by the
 * audit signing key (lib/audit/audit-keys.ts) over the canonical JSON of everything else. It travels
 * as a sidecar `<file>.manifest.json` (GET /api/v1/reports/manifest) because a streamed file's hash
 * is known only after its last byte; it is also recorded in the audit chain (`report.export_completed`).
 * No "server-only": the offline verifier (scripts/verify-report.ts) and the e2e spec use this file.
 */

export const REPORT_MANIFEST_FORMAT = "tokenward.report-manifest.v1";

export type TReportManifest = {
  format: typeof REPORT_MANIFEST_FORMAT;
  exportId: string;
  report: string;
  contentFormat: string;
  filename: string;
  /** The filters as asked (query-string parameters, report and format excluded). */
  filters: Record<string, string>;
  requestedBy: { id: string; label: string; role: string | null; apiKeyId: string | null };
  generatedAt: string;
  completedAt: string;
  rowCount: number;
  byteLength: number;
  sha256: string;
  /** The audit chain's head right after the export's own audit event: the export is in the chain it vouches for. */
  auditHead: { seq: string; hash: string } | null;
  keyId: string | null;
  /** base64 Ed25519 over canonicalJson(manifest without `signature`); null when the app runs unsigned. */
  signature: string | null;
};

export type TUnsignedManifest = Omit<TReportManifest, "signature" | "keyId">;

function payload(m: Omit<TReportManifest, "signature">): Buffer {
  return Buffer.from(canonicalJson(m), "utf8");
}

export function signManifest(unsigned: TUnsignedManifest, signer: TAuditSigner | null): TReportManifest {
  const body = { ...unsigned, keyId: signer?.keyId ?? null };
  return { ...body, signature: signer ? sign(null, payload(body), signer.privateKey).toString("base64") : null };
}

/** SHA-256 and length of content, fed chunk by chunk (the export and the verifier stream). */
export class ContentDigest {
  private readonly hash = createHash("sha256");
  byteLength = 0;
  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.byteLength += chunk.byteLength;
  }
  hex(): string {
    return this.hash.digest("hex");
  }
}

export type TReportCheck =
  | { ok: true; manifest: TReportManifest; keyId: string }
  | { ok: false; error: string };

const HEX64 = /^[0-9a-f]{64}$/;

/** Parses a manifest file's text; refuses anything that is not one (wrong format, missing fields). */
export function parseManifest(text: string): TReportManifest | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "the manifest is not JSON";
  }
  const m = value as Partial<TReportManifest> | null;
  if (!m || typeof m !== "object" || m.format !== REPORT_MANIFEST_FORMAT) return `the manifest is not a ${REPORT_MANIFEST_FORMAT} document`;
  if (typeof m.sha256 !== "string" || !HEX64.test(m.sha256) || typeof m.byteLength !== "number" || typeof m.rowCount !== "number") return "the manifest lacks sha256, byteLength or rowCount";
  return m as TReportManifest;
}

/**
 * Checks content (its digest, computed by the caller while reading) against a manifest and the
 * manifest's signature against the given public keys. Order matters for the message: a forged
 * signature is reported even when the content also differs.
 */
export function checkReport(manifest: TReportManifest, content: { sha256: string; byteLength: number }, keys: readonly TAuditVerifyKey[]): TReportCheck {
  if (!manifest.signature || !manifest.keyId) return { ok: false, error: "the manifest is unsigned (the app ran without an audit signing key): nothing vouches for it" };
  const candidates = keys.filter((k) => k.keyId === null || k.keyId === manifest.keyId);
  if (candidates.length === 0) return { ok: false, error: `the manifest is signed by key ${manifest.keyId}, which is not among the keys given` };
  const { signature, ...rest } = manifest;
  const sig = Buffer.from(signature, "base64");
  if (!candidates.some((k) => verify(null, payload(rest), k.publicKey, sig))) {
    return { ok: false, error: `the manifest's signature does not verify with key ${manifest.keyId}: the manifest was altered or forged` };
  }
  if (content.byteLength !== manifest.byteLength) return { ok: false, error: `the file has ${content.byteLength} bytes, the manifest says ${manifest.byteLength}: the file was altered` };
  if (content.sha256 !== manifest.sha256) return { ok: false, error: `the file's SHA-256 is ${content.sha256}, the manifest says ${manifest.sha256}: the file was altered` };
  return { ok: true, manifest, keyId: manifest.keyId };
}

/** Convenience for whole files in memory (tests, the e2e spec). */
export function checkReportBytes(manifest: TReportManifest, bytes: Uint8Array, keys: readonly TAuditVerifyKey[]): TReportCheck {
  const digest = new ContentDigest();
  digest.update(bytes);
  return checkReport(manifest, { sha256: digest.hex(), byteLength: digest.byteLength }, keys);
}
