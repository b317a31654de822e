import { describe, expect, it } from "vitest";
import { canonicalJson, computeAuditHash, GENESIS_HASH, normaliseSummary } from "@/lib/audit/hash";

const event = {
  seq: 1n, time: new Date("2026-01-02T03:04:05.678Z"), actorId: null, actorLabel: "system",
  action: "seed.completed", targetType: "database", targetId: null, summary: { b: 1, a: [1, { d: 2, c: 3 }] }, prevHash: GENESIS_HASH,
};

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [3, { z: 1, y: 2 }] } })).toBe('{"a":{"c":[3,{"y":2,"z":1}]},"b":1}');
  });
  it("encodes dates as ISO strings and rejects non-finite numbers", () => {
    expect(canonicalJson({ t: new Date(0) })).toBe('{"t":"1970-01-01T00:00:00.000Z"}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  });
});

describe("computeAuditHash", () => {
  it("is stable for the same event regardless of key order", () => {
    const reordered = { ...event, summary: { a: [1, { c: 3, d: 2 }], b: 1 } };
    expect(computeAuditHash(reordered)).toBe(computeAuditHash(event));
    expect(computeAuditHash(event)).toMatch(/^[0-9a-f]{64}$/);
  });
  it("changes when any hashed field changes", () => {
    const base = computeAuditHash(event);
    const variants = [
      { seq: 2n }, { time: new Date("2026-01-02T03:04:05.679Z") }, { actorId: "x" }, { actorLabel: "someone" },
      { action: "other" }, { targetType: "user" }, { targetId: "t" }, { summary: { b: 2 } }, { prevHash: "f".repeat(64) },
    ];
    for (const v of variants) expect(computeAuditHash({ ...event, ...v })).not.toBe(base);
  });
  it("hashes a summary the same before and after a jsonb round trip", () => {
    const summary = normaliseSummary({ when: new Date(0), skip: undefined, n: 1 });
    expect(summary).toEqual({ when: "1970-01-01T00:00:00.000Z", n: 1 });
  });
});
