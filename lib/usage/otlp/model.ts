/** OTLP trace data as both encodings decode to it: only what the usage mapping reads. */

export type TOtlpAttributes = Record<string, string | number | boolean>;

export type TOtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: bigint;
  /** Status.code: 0 unset, 1 ok, 2 error. */
  statusCode: number;
  attributes: TOtlpAttributes;
};

export type TOtlpResourceSpans = { resource: TOtlpAttributes; spans: TOtlpSpan[] };
