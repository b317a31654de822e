import { z } from "zod";
import { FINGERPRINT_PATTERN } from "@/lib/connectors/fingerprint";
import { parseHopQuery, type THopQuery } from "@/lib/usage/hop-log-params";

/**
 * The usage event contract (DESIGN.md "Usage ingestion"): one hop — a credential presented by a
 * caller to a target — as gateways and MCP servers report it. Strict objects: an unknown field is an
 * error, so a misspelt `fingerprnt` never silently drops the credential.
 */

export const USAGE_LIMITS = {
  /** Events in one request: a batch is written in one transaction. */
  maxEvents: 5_000,
  /** Request body after decompression. */
  maxBodyBytes: 10 * 1024 * 1024,
  /** Compressed body as received. */
  maxWireBytes: 4 * 1024 * 1024,
} as const;

const EARLIEST = Date.parse("2000-01-01T00:00:00Z");
const MAX_CLOCK_AHEAD_MS = 24 * 3600_000;

export const CALLER_KINDS = ["agent", "mcp_client", "mcp_server", "service", "user"] as const;
export const TARGET_KINDS = ["mcp_server", "provider_api"] as const;
export const ENVIRONMENTS = ["prod", "staging", "dev"] as const;
export const USAGE_OUTCOMES = ["allowed", "denied", "error", "task_completed"] as const;

/** Ids are opaque to us, but printable and bounded: they end up in URLs and the hop graph. */
const ZOpaqueId = z.string().min(1).max(256).regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");
const ZLabel = z.string().min(1).max(512).regex(/^[^\u0000-\u001f\u007f]+$/, "must not contain control characters");

export const ZUsageCredentialRef = z.union([
  z.strictObject({ fingerprint: z.string().regex(FINGERPRINT_PATTERN, 'must be "sha256:" and 64 lowercase hex digits') }),
  z.strictObject({ provider: z.uuid("must be a Tokenward provider id"), externalId: ZLabel }),
]);

export const ZUsageEvent = z.strictObject({
  id: ZOpaqueId.meta({ description: "Unique event id: a resent event with the same id is recorded once (OTLP: trace id + span id)." }),
  time: z.iso
    .datetime({ offset: true, message: "must be an RFC 3339 date-time" })
    // A clock years off would pin "last used" or hide a hop outside every window: refuse it, saying so.
    .refine((t) => Date.parse(t) >= EARLIEST && Date.parse(t) <= Date.now() + MAX_CLOCK_AHEAD_MS, "must be after 2000 and not more than a day in the future"),
  traceId: ZOpaqueId.meta({ description: "The trace the hop belongs to: passthrough is detected within one trace." }),
  spanId: ZOpaqueId,
  parentSpanId: ZOpaqueId.optional().meta({ description: "The hop that led to this one (absent for the first)." }),
  credential: ZUsageCredentialRef.meta({ description: "The credential presented: its fingerprint (sha256 of the exact secret, never the secret), or its provider's id for it." }),
  caller: z.strictObject({
    kind: z.enum(CALLER_KINDS),
    id: ZLabel,
    environment: z.enum(ENVIRONMENTS).optional(),
    userAgent: z.string().max(1024).optional(),
  }),
  target: z.strictObject({
    kind: z.enum(TARGET_KINDS),
    id: ZLabel,
    audience: ZLabel.optional(),
  }),
  tool: ZLabel.optional(),
  outcome: z.enum(USAGE_OUTCOMES).meta({ description: 'What the target answered. "task_completed" says the task an ephemeral credential was issued for has ended.' }),
});

export type TUsageEvent = z.infer<typeof ZUsageEvent>;

export const ZUsageBatch = z.array(ZUsageEvent).min(1, "send at least one event").max(USAGE_LIMITS.maxEvents, `send at most ${USAGE_LIMITS.maxEvents} events per request`);

/** What an ingestion answers: how many were new, how many were already recorded (idempotent by id). */
export type TIngestResult = {
  received: number;
  accepted: number;
  duplicates: number;
  /** Credentials first seen here ("seen but not inventoried", source: ingest). */
  newCredentials: number;
  /** OTLP spans carrying no credential attribute: counted, not errors. */
  ignored?: number;
};

/**
 * The hop-log explorer's query string (GET /api/v1/usage/events), parsed by the same function as
 * the page's URL (lib/usage/hop-log-params.ts); its messages name the refused value.
 */
export const ZHopQuery = z.record(z.string(), z.unknown()).transform((record, ctx): THopQuery => {
  const result = parseHopQuery(record);
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: issue.path ? [issue.path] : [], message: issue.message });
  return z.NEVER;
});
