import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { describe, expect, it } from "vitest";
import { decodeTraceJson } from "@/lib/usage/otlp/json";
import { mapSpans, TOKENWARD_ATTRIBUTES as TW } from "@/lib/usage/otlp/map-spans";
import { decodeTraceRequest, encodeTraceResponse, ProtobufError } from "@/lib/usage/otlp/protobuf";
import { makeSpans } from "@/lib/usage/otlp/testing";

const FP = `sha256:${"ab".repeat(32)}`;
const AT = new Date("2026-12-01T10:00:00.000Z");

async function sample() {
  return makeSpans(
    "mcp-gateway",
    [
      { name: "tools/call", startTime: AT, attributes: { [TW.fingerprint]: FP, [TW.callerKind]: "agent", [TW.callerId]: "research-agent", "mcp.method.name": "tools/call", "gen_ai.tool.name": "search", "server.address": "github-mcp.internal", [TW.audience]: "https://github-mcp.internal/mcp", "user_agent.original": "claude-code/2.1" } },
      { name: "GET /repos", parent: 0, startTime: new Date(AT.getTime() + 5), error: true, attributes: { [TW.fingerprint]: FP, [TW.callerKind]: "mcp_server", [TW.callerId]: "github-mcp", "url.full": "https://api.github.com/repos/x" } },
      { name: "no credential here", attributes: { "http.request.method": "GET" } },
    ],
    { "deployment.environment.name": "staging" },
  );
}

describe("OTLP decoding against the OpenTelemetry SDK's own serializers", () => {
  it("reads protobuf and JSON into the same events", async () => {
    const spans = await sample();
    const fromProto = mapSpans(decodeTraceRequest(ProtobufTraceSerializer.serializeRequest(spans)!));
    const json = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)!));
    const decoded = decodeTraceJson(json);
    expect(decoded.ok).toBe(true);
    const fromJson = mapSpans(decoded.ok ? decoded.resources : []);
    expect(fromJson).toEqual(fromProto);
    expect(fromProto.ignored).toBe(1);
    expect(fromProto.rejected).toBe(0);
    const [call, upstream] = [fromProto.events.find((e) => e.tool === "search")!, fromProto.events.find((e) => e.target.kind === "provider_api")!];
    expect(call).toMatchObject({
      time: AT.toISOString(),
      credential: { fingerprint: FP },
      caller: { kind: "agent", id: "research-agent", environment: "staging", userAgent: "claude-code/2.1" },
      target: { kind: "mcp_server", id: "github-mcp.internal", audience: "https://github-mcp.internal/mcp" },
      outcome: "allowed",
    });
    expect(call.id).toBe(`${call.traceId}${call.spanId}`);
    expect(call.traceId).toMatch(/^[0-9a-f]{32}$/);
    // The downstream hop: same trace, child of the call, target from url.full, outcome from the status.
    expect(upstream).toMatchObject({ traceId: call.traceId, parentSpanId: call.spanId, target: { id: "api.github.com" }, caller: { id: "github-mcp" }, outcome: "error" });
  });

  it("falls back to service.name for the caller and refuses a span whose attributes are wrong, naming it", async () => {
    const spans = await makeSpans("billing-svc", [
      { name: "a", attributes: { [TW.fingerprint]: FP, "server.address": "x" } },
      { name: "b", attributes: { [TW.fingerprint]: "sha256:short", "server.address": "x" } },
      { name: "c", attributes: { [TW.fingerprint]: FP, [TW.callerKind]: "robot", "server.address": "x" } },
    ]);
    const mapped = mapSpans(decodeTraceRequest(ProtobufTraceSerializer.serializeRequest(spans)!));
    expect(mapped.events).toHaveLength(1);
    expect(mapped.events[0]!.caller).toEqual({ kind: "service", id: "billing-svc" });
    expect(mapped.rejected).toBe(2);
    expect(mapped.firstError).toMatch(/^span [0-9a-f]{16} of trace [0-9a-f]{32}: (credential|caller\.kind) /);
  });

  it("tokenward.outcome overrides the status: task_completed ends an ephemeral credential's task", async () => {
    const spans = await makeSpans("worker", [{ name: "done", attributes: { [TW.fingerprint]: FP, [TW.outcome]: "task_completed", [TW.targetId]: "jobs" } }]);
    expect(mapSpans(decodeTraceRequest(ProtobufTraceSerializer.serializeRequest(spans)!)).events[0]!.outcome).toBe("task_completed");
  });
});

describe("hostile protobuf", () => {
  it("refuses truncated, overlong and malformed bodies with a ProtobufError, never a crash", async () => {
    const good = ProtobufTraceSerializer.serializeRequest(await sample())!;
    for (let cut = 1; cut < good.length; cut += 7) {
      try {
        decodeTraceRequest(good.subarray(0, cut));
      } catch (error) {
        expect(error).toBeInstanceOf(ProtobufError);
      }
    }
    expect(() => decodeTraceRequest(Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow(/past the end/);
    expect(() => decodeTraceRequest(Uint8Array.from([0x0b]))).toThrow(ProtobufError); // wire type 3 (group)
    expect(() => decodeTraceRequest(Uint8Array.from(Array(11).fill(0xff)))).toThrow(/varint/);
    expect(() => decodeTraceRequest(Uint8Array.from([0x00]))).toThrow(/field number 0/);
    expect(decodeTraceRequest(new Uint8Array(0))).toEqual([]);
  });

  it("refuses a span timestamp outside the calendar rather than throwing", () => {
    const mapped = mapSpans([{ resource: {}, spans: [{ traceId: "a".repeat(32), spanId: "b".repeat(16), name: "x", startTimeUnixNano: 2n ** 63n, statusCode: 0, attributes: { [TW.fingerprint]: FP, "server.address": "x" } }] }]);
    expect(mapped).toMatchObject({ events: [], rejected: 1 });
  });
});

describe("OTLP JSON", () => {
  it("accepts string and number int64s and enum names, and names the field it refuses", () => {
    const span = (extra: object) => ({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", startTimeUnixNano: "1764583200000000000", attributes: [{ key: TW.fingerprint, value: { stringValue: FP } }, { key: "server.address", value: { stringValue: "x" } }], ...extra }] }] }] });
    const ok = decodeTraceJson(span({ status: { code: "STATUS_CODE_ERROR" } }));
    expect(ok.ok && mapSpans(ok.resources).events[0]).toMatchObject({ outcome: "error", time: "2025-12-01T10:00:00.000Z" });
    expect(decodeTraceJson(span({ traceId: "not hex!" }))).toEqual({ ok: false, message: expect.stringContaining("resourceSpans.0.scopeSpans.0.spans.0.traceId") });
    expect(decodeTraceJson({ resourceSpans: "x" }).ok).toBe(false);
    expect(decodeTraceJson({ unknownField: 1 })).toEqual({ ok: true, resources: [] });
  });
});

describe("the OTLP response", () => {
  it("is empty on full success and carries partial_success otherwise", () => {
    expect(encodeTraceResponse()).toEqual(new Uint8Array(0));
    // field 1 (len 7) { field 1 varint 2, field 2 "bad" }
    expect([...encodeTraceResponse({ rejectedSpans: 2, errorMessage: "bad" })]).toEqual([0x0a, 7, 0x08, 2, 0x12, 3, 0x62, 0x61, 0x64]);
  });
});
