import { SpanStatusCode, type Attributes } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";

/**
 * Spans made by the real OpenTelemetry SDK, for tests: what an instrumented gateway or MCP server
 * would export. Encoded with the SDK's own OTLP serializers, they check our decoders against the
 * published wire contract rather than against themselves.
 */
export type TTestSpan = { name: string; attributes: Attributes; error?: boolean; parent?: number; startTime?: Date };

export async function makeSpans(serviceName: string, specs: readonly TTestSpan[], resource: Attributes = {}): Promise<ReadableSpan[]> {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName, ...resource }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("tokenward-test");
  const { context, trace } = await import("@opentelemetry/api");
  const made: ReturnType<typeof tracer.startSpan>[] = [];
  for (const spec of specs) {
    const parent = spec.parent !== undefined ? trace.setSpan(context.active(), made[spec.parent]!) : undefined;
    const span = tracer.startSpan(spec.name, { attributes: spec.attributes, startTime: spec.startTime }, parent);
    if (spec.error) span.setStatus({ code: SpanStatusCode.ERROR, message: "failed" });
    made.push(span);
  }
  for (const span of [...made].reverse()) span.end();
  await provider.forceFlush();
  return exporter.getFinishedSpans();
}
