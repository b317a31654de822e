import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { parseUsageBatch } from "@/lib/usage/parse-batch";
import { USAGE_LIMITS } from "@/lib/usage/schemas";

const FP = `sha256:${"0f".repeat(32)}`;

function usageEvent(overrides: Record<string, unknown> = {}) {
  return {
    id: "evt-1",
    time: "2026-12-01T10:00:00Z",
    traceId: "t1",
    spanId: "s1",
    credential: { fingerprint: FP },
    caller: { kind: "agent", id: "research-agent", environment: "prod" },
    target: { kind: "mcp_server", id: "github-mcp", audience: "https://github-mcp.internal/mcp" },
    tool: "search",
    outcome: "allowed",
    ...overrides,
  };
}

const ndjson = (...events: object[]) => events.map((e) => JSON.stringify(e)).join("\n");

function refusal(text: string, type = "application/x-ndjson"): string {
  try {
    parseUsageBatch(text, type);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    return (error as AppError).message;
  }
  throw new Error("accepted");
}

describe("parseUsageBatch", () => {
  it("reads NDJSON (blank lines and CRLF allowed) and JSON arrays into the same events", () => {
    const a = usageEvent();
    const b = usageEvent({ id: "evt-2", credential: { provider: "0197a0b0-0000-7000-8000-000000000001", externalId: "key-1" }, parentSpanId: "s1" });
    const fromLines = parseUsageBatch(`${JSON.stringify(a)}\r\n\n${JSON.stringify(b)}\n`, "application/x-ndjson");
    expect(parseUsageBatch(JSON.stringify([a, b]), "application/json")).toEqual(fromLines);
    expect(fromLines).toHaveLength(2);
  });

  it("names the line, the event id and the field of the first bad event", () => {
    expect(refusal(ndjson(usageEvent(), usageEvent({ id: "evt-2", credential: { fingerprint: "sha256:abc" } })))).toBe(
      'line 2 (id "evt-2"): credential.fingerprint must be "sha256:" and 64 lowercase hex digits. Nothing of this batch was written.',
    );
    expect(refusal(ndjson(usageEvent({ credential: { token: "ghp_x" } })))).toMatch(/^line 1 \(id "evt-1"\): credential must be \{ "fingerprint": "sha256:…" \} or \{ "provider"/);
    expect(refusal(JSON.stringify([usageEvent(), usageEvent({ id: "e3", outcome: "maybe" })]), "application/json")).toMatch(/^event 2 \(id "e3"\): outcome /);
    expect(refusal(ndjson(usageEvent({ time: "yesterday" })))).toMatch(/^line 1 \(id "evt-1"\): time must be an RFC 3339 date-time/);
    expect(refusal(ndjson(usageEvent({ time: "2999-01-01T00:00:00Z" })))).toMatch(/time must be after 2000 and not more than a day in the future/);
    expect(refusal(ndjson(usageEvent({ caller: { kind: "agent", id: "a", secret: "x" } })))).toMatch(/^line 1 \(id "evt-1"\): caller /);
    expect(refusal(ndjson(usageEvent({ fingerprnt: FP })))).toMatch(/^line 1 \(id "evt-1"\): .*fingerprnt/);
    expect(refusal(ndjson(usageEvent({ tool: "a\u0000b" })))).toMatch(/tool must not contain control characters/);
    expect(refusal(`${ndjson(usageEvent())}\n{"id": "broken"`)).toMatch(/^line 2: not valid JSON/);
  });

  it("refuses what is not a batch: empty, not an array, too many, one id for two different events", () => {
    expect(refusal("")).toBe("The batch holds no events.");
    expect(refusal("[]", "application/json")).toBe("The batch holds no events.");
    expect(refusal(JSON.stringify(usageEvent()), "application/json")).toMatch(/must be an array/);
    expect(refusal("{not json", "application/json")).toMatch(/^The body is not valid JSON/);
    const many = Array.from({ length: USAGE_LIMITS.maxEvents + 1 }, (_, i) => JSON.stringify(usageEvent({ id: `e${i}` }))).join("\n");
    expect(refusal(many)).toMatch(/More than 5000 events/);
    expect(refusal(ndjson(usageEvent(), usageEvent({ tool: "other" })))).toMatch(/^line 2: id "evt-1" is used by another, different event/);
    // The same event twice is a sender's retry inside one batch: accepted, written once.
    expect(parseUsageBatch(ndjson(usageEvent(), usageEvent()), "application/x-ndjson")).toHaveLength(2);
  });

  it("answers any mutated body with a VALIDATION error or events, never anything else (1,000 runs)", () => {
    const keys = ["id", "time", "traceId", "spanId", "credential", "caller", "target", "tool", "outcome", "extra"];
    fc.assert(
      fc.property(
        fc.array(fc.record({ drop: fc.constantFrom(...keys), value: fc.anything(), line: fc.boolean() }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom("application/x-ndjson", "application/json"),
        (mutations, type) => {
          const events = mutations.map((m, i) => ({ ...usageEvent({ id: `m${i}` }), [m.drop]: m.value }));
          const text = type === "application/json" ? JSON.stringify(events) : events.map((e, i) => (mutations[i]!.line ? JSON.stringify(e) : JSON.stringify(e).slice(0, -1))).join("\n");
          try {
            const out = parseUsageBatch(text, type);
            expect(out.length).toBe(events.length);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe("VALIDATION");
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
