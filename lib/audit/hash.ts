import { createHash } from "node:crypto";

/**
 * The audit chain's hash. Each event is encoded canonically (JSON with keys sorted at every depth,
 * no insignificant white space, times as ISO-8601 UTC with milliseconds, seq as a decimal string)
 * and hashed together with the previous event's hash:
 *
 *   hash = hex(SHA-256(canonical({ v, seq, time, actorId, actorLabel, action, targetType, targetId, summary, prevHash })))
 *
 * The same function runs in the app and in an auditor's offline check of an export.
 */

export const GENESIS_HASH = "0".repeat(64);
export const AUDIT_HASH_VERSION = 1;

export type TAuditHashInput = {
  seq: bigint;
  time: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: unknown;
  prevHash: string;
};

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("canonicalJson: non-finite number");
    if (typeof value === "bigint") return JSON.stringify(value.toString());
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Normalises a summary to what survives a round trip through jsonb (dates → strings, no undefined). */
export function normaliseSummary(summary: unknown): unknown {
  return JSON.parse(canonicalJson(summary ?? {}));
}

export function computeAuditHash(event: TAuditHashInput): string {
  const encoded = canonicalJson({
    v: AUDIT_HASH_VERSION,
    seq: event.seq.toString(),
    time: event.time.toISOString(),
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    summary: event.summary,
    prevHash: event.prevHash,
  });
  return createHash("sha256").update(encoded, "utf8").digest("hex");
}
