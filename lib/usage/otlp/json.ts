import { z } from "zod";
import type { TOtlpAttributes, TOtlpResourceSpans } from "@/lib/usage/otlp/model";

/**
 * OTLP/HTTP JSON (the protobuf JSON mapping with OTLP's exceptions: trace and span ids are hex, not
 * base64; enums are integers; 64-bit integers may be strings). Unknown fields are ignored, as OTLP
 * requires of receivers, but the fields we read are type-checked.
 */

const ZInt64 = z.union([z.number().int(), z.string().regex(/^-?\d{1,20}$/)]);
const ZHexId = z.string().regex(/^([0-9a-fA-F]{2})*$/, "must be hex").max(64);

const ZAnyValue = z.looseObject({
  stringValue: z.string().optional(),
  boolValue: z.boolean().optional(),
  intValue: ZInt64.optional(),
  doubleValue: z.number().optional(),
});

const ZKeyValue = z.looseObject({ key: z.string(), value: ZAnyValue.optional() });

const ZStatusCode = z.union([z.number().int(), z.enum(["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"])]);

const ZSpan = z.looseObject({
  traceId: ZHexId,
  spanId: ZHexId,
  parentSpanId: ZHexId.optional(),
  name: z.string().optional(),
  startTimeUnixNano: ZInt64.optional(),
  attributes: z.array(ZKeyValue).optional(),
  status: z.looseObject({ code: ZStatusCode.optional() }).optional(),
});

const ZRequest = z.looseObject({
  resourceSpans: z
    .array(
      z.looseObject({
        resource: z.looseObject({ attributes: z.array(ZKeyValue).optional() }).optional(),
        scopeSpans: z.array(z.looseObject({ spans: z.array(ZSpan).optional() })).optional(),
      }),
    )
    .optional(),
});

function attributes(list: z.infer<typeof ZKeyValue>[] | undefined): TOtlpAttributes {
  const out: TOtlpAttributes = {};
  for (const { key, value } of list ?? []) {
    if (!value) continue;
    if (value.stringValue !== undefined) out[key] = value.stringValue;
    else if (value.boolValue !== undefined) out[key] = value.boolValue;
    else if (value.intValue !== undefined) out[key] = Number(value.intValue);
    else if (value.doubleValue !== undefined) out[key] = value.doubleValue;
  }
  return out;
}

const STATUS_NAMES: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };

export type TOtlpJsonResult = { ok: true; resources: TOtlpResourceSpans[] } | { ok: false; message: string };

export function decodeTraceJson(value: unknown): TOtlpJsonResult {
  const parsed = ZRequest.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${issue.path.join(".") || "body"}: ${issue.message}` };
  }
  const resources = (parsed.data.resourceSpans ?? []).map((rs) => ({
    resource: attributes(rs.resource?.attributes),
    spans: (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((s) => ({
        traceId: s.traceId.toLowerCase(),
        spanId: s.spanId.toLowerCase(),
        parentSpanId: s.parentSpanId ? s.parentSpanId.toLowerCase() : undefined,
        name: s.name ?? "",
        startTimeUnixNano: BigInt(s.startTimeUnixNano ?? 0),
        statusCode: typeof s.status?.code === "string" ? STATUS_NAMES[s.status.code]! : (s.status?.code ?? 0),
        attributes: attributes(s.attributes),
      })),
    ),
  }));
  return { ok: true, resources };
}
