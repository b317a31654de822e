import { CALLER_KINDS, TARGET_KINDS, USAGE_OUTCOMES, ZUsageEvent, type TUsageEvent } from "@/lib/usage/schemas";
import type { TOtlpAttributes, TOtlpResourceSpans, TOtlpSpan } from "@/lib/usage/otlp/model";

/**
 * One span → one usage event (DESIGN.md "Usage ingestion"): OpenTelemetry's conventions where they
 * exist (gen_ai.tool.name, server.address, url.full, deployment.environment.name, user_agent.original,
 * service.name), `tokenward.*` for what they do not define — the credential, caller and target kinds,
 * the audience. A span with no credential attribute is not ours to judge: counted as ignored.
 */

export const TOKENWARD_ATTRIBUTES = {
  fingerprint: "tokenward.credential.fingerprint",
  provider: "tokenward.credential.provider",
  externalId: "tokenward.credential.external_id",
  callerKind: "tokenward.caller.kind",
  callerId: "tokenward.caller.id",
  targetKind: "tokenward.target.kind",
  targetId: "tokenward.target.id",
  audience: "tokenward.target.audience",
  /** Overrides the outcome the span status implies; "task_completed" ends an ephemeral credential's task. */
  outcome: "tokenward.outcome",
} as const;

export type TMappedSpans = {
  events: TUsageEvent[];
  ignored: number;
  rejected: number;
  /** The first rejected span's reason, naming the span. */
  firstError?: string;
};

const str = (attrs: TOtlpAttributes, key: string): string | undefined => {
  const v = attrs[key];
  return typeof v === "string" && v !== "" ? v : undefined;
};

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

const oneOf = <T extends string>(values: readonly T[], v: string | undefined): T | string | undefined => (v === undefined ? undefined : (values as readonly string[]).includes(v) ? (v as T) : v);

/** Nanoseconds since the epoch → RFC 3339; out of Date's range gives "" (the schema then refuses it). */
function isoTime(nanos: bigint): string {
  const ms = Number(nanos / 1_000_000n);
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : "";
}

function toEvent(span: TOtlpSpan, resource: TOtlpAttributes): unknown {
  const a = span.attributes;
  const read = (key: string) => str(a, key) ?? str(resource, key);
  const fingerprint = str(a, TOKENWARD_ATTRIBUTES.fingerprint);
  const provider = str(a, TOKENWARD_ATTRIBUTES.provider);
  const credential = fingerprint !== undefined ? { fingerprint } : { provider, externalId: str(a, TOKENWARD_ATTRIBUTES.externalId) };
  const url = str(a, "url.full");
  const targetId = str(a, TOKENWARD_ATTRIBUTES.targetId) ?? str(a, "server.address") ?? hostOf(url);
  const status = span.statusCode === 2 ? "error" : "allowed";
  const environment = read("deployment.environment.name");
  return {
    id: `${span.traceId}${span.spanId}`,
    time: isoTime(span.startTimeUnixNano),
    traceId: span.traceId,
    spanId: span.spanId,
    ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
    credential,
    caller: {
      kind: oneOf(CALLER_KINDS, str(a, TOKENWARD_ATTRIBUTES.callerKind)) ?? "service",
      id: str(a, TOKENWARD_ATTRIBUTES.callerId) ?? str(resource, "service.name") ?? "unknown",
      ...(environment !== undefined ? { environment } : {}),
      ...(read("user_agent.original") !== undefined ? { userAgent: read("user_agent.original") } : {}),
    },
    target: {
      kind: oneOf(TARGET_KINDS, str(a, TOKENWARD_ATTRIBUTES.targetKind)) ?? (str(a, "mcp.method.name") !== undefined ? "mcp_server" : "provider_api"),
      id: targetId,
      ...(str(a, TOKENWARD_ATTRIBUTES.audience) !== undefined ? { audience: str(a, TOKENWARD_ATTRIBUTES.audience) } : {}),
    },
    ...(str(a, "gen_ai.tool.name") !== undefined ? { tool: str(a, "gen_ai.tool.name") } : {}),
    outcome: oneOf(USAGE_OUTCOMES, str(a, TOKENWARD_ATTRIBUTES.outcome)) ?? status,
  };
}

export function mapSpans(resources: readonly TOtlpResourceSpans[]): TMappedSpans {
  const out: TMappedSpans = { events: [], ignored: 0, rejected: 0 };
  const seen = new Set<string>();
  for (const { resource, spans } of resources) {
    for (const span of spans) {
      const a = span.attributes;
      if (str(a, TOKENWARD_ATTRIBUTES.fingerprint) === undefined && str(a, TOKENWARD_ATTRIBUTES.provider) === undefined) {
        out.ignored++;
        continue;
      }
      const parsed = ZUsageEvent.safeParse(toEvent(span, resource));
      if (!parsed.success || span.traceId === "" || span.spanId === "" || span.startTimeUnixNano === 0n) {
        out.rejected++;
        if (!out.firstError) {
          const issue = parsed.success ? { path: ["startTimeUnixNano"], message: "span has no trace id, span id or start time" } : parsed.error.issues[0]!;
          out.firstError = `span ${span.spanId || "(no id)"} of trace ${span.traceId || "(no id)"}: ${issue.path.join(".")} ${issue.message}`;
        }
        continue;
      }
      if (seen.has(parsed.data.id)) continue;
      seen.add(parsed.data.id);
      out.events.push(parsed.data);
    }
  }
  return out;
}
