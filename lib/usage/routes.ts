import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { defineRoute } from "@/lib/server/route";
import { ingestOtlpOperation, ingestUsageOperation, type TIngestOutcome } from "@/lib/usage/operations";
import { decodeTraceJson } from "@/lib/usage/otlp/json";
import { mapSpans } from "@/lib/usage/otlp/map-spans";
import { decodeTraceRequest, encodeTraceResponse, ProtobufError } from "@/lib/usage/otlp/protobuf";
import { NDJSON_TYPES, parseUsageBatch } from "@/lib/usage/parse-batch";
import { mediaTypeOf, readMachineBody, utf8 } from "@/lib/usage/read-body";
import { USAGE_LIMITS, ZHopQuery } from "@/lib/usage/schemas";
import { actorReach } from "@/lib/auth/access";
import { env } from "@/lib/env";
import { listHops } from "@/lib/usage/queries";

/** POST /api/v1/usage — NDJSON or a JSON array of usage events (DESIGN.md "Usage ingestion"). */
export const ingestUsageRoute = defineRoute({
  kind: "mutation",
  operation: ingestUsageOperation,
  ingest: {
    decode: async (request) => {
      const type = mediaTypeOf(request);
      if (type !== "application/json" && !(NDJSON_TYPES as readonly string[]).includes(type)) {
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send events as application/x-ndjson (one per line) or application/json (an array).");
      }
      const { bytes } = await readMachineBody(request, USAGE_LIMITS);
      const events = parseUsageBatch(utf8(bytes), type === "application/json" ? "application/json" : "application/x-ndjson");
      return { events, format: type === "application/json" ? "json" : "ndjson" };
    },
  },
});

const PROTOBUF = "application/x-protobuf";

/**
 * POST /api/v1/otlp/v1/traces — OTLP/HTTP, JSON or protobuf, gzip or not. Spans that cannot become
 * events are refused one by one and reported as OTLP partial success (HTTP 200, rejected_spans and
 * the first reason), as the OTLP specification asks; a body that cannot be decoded is a 400.
 */
export const otlpTracesRoute = defineRoute({
  kind: "mutation",
  operation: ingestOtlpOperation,
  ingest: {
    decode: async (request) => {
      const type = mediaTypeOf(request);
      if (type !== PROTOBUF && type !== "application/json") throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send OTLP as ${PROTOBUF} or application/json.`);
      const { bytes } = await readMachineBody(request, USAGE_LIMITS);
      let resources;
      if (type === PROTOBUF) {
        try {
          resources = decodeTraceRequest(bytes);
        } catch (error) {
          if (error instanceof ProtobufError) throw new AppError("VALIDATION", `Not a valid OTLP ExportTraceServiceRequest: ${error.message}.`);
          throw error;
        }
      } else {
        let json: unknown;
        try {
          json = JSON.parse(utf8(bytes));
        } catch (error) {
          if (error instanceof AppError) throw error;
          throw new AppError("VALIDATION", `The body is not valid JSON: ${(error as Error).message}.`);
        }
        const decoded = decodeTraceJson(json);
        if (!decoded.ok) throw new AppError("VALIDATION", `Not a valid OTLP JSON trace request: ${decoded.message}.`);
        resources = decoded.resources;
      }
      const spans = resources.reduce((n, r) => n + r.spans.length, 0);
      if (spans > USAGE_LIMITS.maxEvents) throw new AppError("VALIDATION", `More than ${USAGE_LIMITS.maxEvents} spans in one request: lower the exporter's batch size.`);
      const mapped = mapSpans(resources);
      return { events: mapped.events, ignored: mapped.ignored, rejected: mapped.rejected, firstError: mapped.firstError, format: type === PROTOBUF ? "otlp-protobuf" : "otlp-json" };
    },
    respond: (data, request) => {
      const outcome = data as TIngestOutcome;
      const notes = [outcome.firstError, (outcome.ignored ?? 0) > 0 ? `${outcome.ignored} span(s) carried no tokenward.credential.* attribute and were ignored` : undefined].filter(Boolean).join("; ");
      const partial = outcome.rejected > 0 || notes ? { rejectedSpans: outcome.rejected, errorMessage: notes } : undefined;
      if (mediaTypeOf(request) === PROTOBUF) {
        return new Response(Buffer.from(encodeTraceResponse(partial)), { headers: { "content-type": PROTOBUF, "cache-control": "no-store" } });
      }
      return Response.json(partial ? { partialSuccess: { rejectedSpans: String(partial.rejectedSpans), errorMessage: partial.errorMessage } } : {}, { headers: { "cache-control": "no-store" } });
    },
  },
});

/**
 * GET /api/v1/usage/events — one keyset page of the hop log: `{ items, nextCursor, prevCursor }`.
 * Owners read the hops of the credentials they or their team own; the other roles read all.
 * It shares the inventory's per-user budget setting (a list read of the same weight).
 */
export const listHopsRoute = defineRoute({
  kind: "read",
  name: "usage.list_events",
  permission: "usage.read",
  query: ZHopQuery,
  rateLimit: { bucket: "usage-events", rule: () => ({ limit: env().TOKENWARD_INVENTORY_RATE_LIMIT, windowMs: 60_000 }) },
  run: async ({ read, query, actor }) => {
    const reach = actorReach(actor, "usage.read");
    if (!reach) throw new AppError("FORBIDDEN", "You may not read the hop log.");
    return listHops(read, query, { actor, reach });
  },
});
