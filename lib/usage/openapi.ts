import { z } from "zod";
import { TOKENWARD_ATTRIBUTES } from "@/lib/usage/otlp/map-spans";
import { USAGE_LIMITS, ZUsageEvent } from "@/lib/usage/schemas";

/**
 * The OpenAPI 3.1 document of the machine ingestion API, generated from the very zod schemas the
 * routes validate with, so the document cannot drift from what is enforced. Served at
 * GET /api/v1/openapi.json.
 */

const ZError = z.strictObject({ error: z.strictObject({ code: z.string(), message: z.string(), fieldErrors: z.record(z.string(), z.array(z.string())).optional() }) });

const ZIngestResponse = z.strictObject({
  data: z.strictObject({
    received: z.number().int(),
    accepted: z.number().int().meta({ description: "Events recorded now." }),
    duplicates: z.number().int().meta({ description: "Events whose id was already recorded (a retry): skipped." }),
    newCredentials: z.number().int().meta({ description: 'Credentials first seen here, recorded as "seen, not inventoried".' }),
  }),
});

const schema = (s: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io: "input" }) as Record<string, unknown>;
  return rest;
};

const errors = {
  "400": { description: "The batch was refused whole, naming the event (line) and field; nothing was written.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "401": { description: "No API key, or an unknown, expired or revoked one." },
  "403": { description: "The key lacks the usage:write scope, or its creator no longer holds the permission." },
  "413": { description: `Body over ${USAGE_LIMITS.maxWireBytes / 1024 / 1024} MB as sent or ${USAGE_LIMITS.maxBodyBytes / 1024 / 1024} MB inflated.` },
  "415": { description: "Unsupported Content-Type or Content-Encoding." },
  "429": { description: "The key's request budget is spent: retry after the Retry-After header." },
};

export function usageOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Tokenward machine API — usage ingestion",
      version: "1",
      description: "Report credential use (hops) from gateways and MCP servers. Authenticate with a Tokenward API key holding the usage:write scope (Settings → API keys).",
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "Authorization: Bearer twk_…" } },
      schemas: { UsageEvent: schema(ZUsageEvent), IngestResponse: schema(ZIngestResponse), Error: schema(ZError) },
    },
    paths: {
      "/api/v1/usage": {
        post: {
          operationId: "ingestUsage",
          summary: `Record up to ${USAGE_LIMITS.maxEvents} usage events`,
          description: "NDJSON (one event per line) or a JSON array; gzip with Content-Encoding: gzip. Idempotent by event id. One invalid event refuses the whole batch.",
          requestBody: {
            required: true,
            content: {
              "application/x-ndjson": { schema: { type: "string", description: "One UsageEvent as JSON per line." } },
              "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/UsageEvent" }, minItems: 1, maxItems: USAGE_LIMITS.maxEvents } },
            },
          },
          responses: { "200": { description: "Recorded.", content: { "application/json": { schema: { $ref: "#/components/schemas/IngestResponse" } } } }, ...errors },
        },
      },
      "/api/v1/otlp/v1/traces": {
        post: {
          operationId: "ingestOtlpTraces",
          summary: "OTLP/HTTP trace export (protobuf or JSON)",
          description: [
            "Point an OpenTelemetry exporter or Collector here (endpoint …/api/v1/otlp, header Authorization: Bearer twk_…). One span is one event:",
            "traceId/spanId/parentSpanId from the span, id = traceId + spanId, time = start time, outcome from the status (ERROR → error) unless tokenward.outcome is set.",
            "OpenTelemetry attributes read: gen_ai.tool.name, mcp.method.name, server.address, url.full, deployment.environment.name, user_agent.original, service.name (resource).",
            `Tokenward attributes: ${Object.values(TOKENWARD_ATTRIBUTES).join(", ")}.`,
            "Spans without tokenward.credential.fingerprint or tokenward.credential.provider are ignored. Spans that cannot become events are refused one by one and reported as OTLP partial success.",
          ].join(" "),
          requestBody: { required: true, content: { "application/x-protobuf": { schema: { type: "string", format: "binary", description: "opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest" } }, "application/json": { schema: { type: "object", description: "ExportTraceServiceRequest, OTLP JSON encoding" } } } },
          responses: { "200": { description: "ExportTraceServiceResponse, in the request's encoding; partialSuccess when spans were refused or ignored." }, ...errors },
        },
      },
    },
  };
}
