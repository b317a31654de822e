import { describe, expect, it } from "vitest";
import { HOP_OUTCOMES, hopQueryToSearchParams, parseHopQuery, parseInstant, usageHref } from "@/lib/usage/hop-log-params";
import { decodeHopCursor, encodeHopCursor } from "@/lib/usage/hop-log-sql";
import { USAGE_OUTCOMES } from "@/lib/usage/schemas";

const ok = (record: Record<string, unknown>) => {
  const r = parseHopQuery(record);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
};
const issues = (record: Record<string, unknown>) => {
  const r = parseHopQuery(record);
  return r.success ? [] : r.error.issues.map((i) => `${i.path}: ${i.message}`);
};

describe("hop log query language", () => {
  it("knows the outcomes ingestion stores", () => {
    expect([...HOP_OUTCOMES]).toEqual([...USAGE_OUTCOMES]);
  });

  it("reads every filter and writes it back canonically", () => {
    const q = ok({ to: "2026-12-05", caller: "agent one", credential: "0193A1B2-0000-7000-8000-000000000001", outcome: "denied", limit: "20", from: "2026-12-01T08:30" });
    expect(q).toEqual({
      credential: "0193a1b2-0000-7000-8000-000000000001", caller: "agent one", outcome: "denied",
      from: "2026-12-01T08:30:00.000Z", to: "2026-12-05T00:00:00.000Z", limit: 20,
    });
    expect(hopQueryToSearchParams(q).toString()).toBe("credential=0193a1b2-0000-7000-8000-000000000001&caller=agent+one&outcome=denied&from=2026-12-01T08%3A30%3A00.000Z&to=2026-12-05T00%3A00%3A00.000Z&limit=20");
    expect(usageHref({ trace: "abc" })).toBe("/usage?trace=abc");
    expect(usageHref()).toBe("/usage");
  });

  it.each([
    [{ credential: "nope" }, /credential: must be a credential id/],
    [{ trace: "has space" }, /trace: must be a trace id/],
    [{ caller: "a\u0000b" }, /caller: must be 1 to 512 characters without control characters/],
    [{ tool: "x".repeat(513) }, /tool: must be 1 to 512/],
    [{ outcome: "granted" }, /outcome: "granted" is not an outcome \(expected allowed, denied, error, task_completed\)/],
    [{ from: "275760-09-13" }, /from: must be a date or date-time between the years 2000 and 9999/],
    [{ from: "1e300" }, /from: must be a date/],
    [{ to: "2026-02-31" }, /to: must be a date/],
    [{ from: "2026-12-05", to: "2026-12-01" }, /to: must be later than from/],
    [{ limit: "0" }, /limit: must be a whole number from 1 to 200/],
    [{ limit: "1e300" }, /limit: must be a whole number/],
    [{ after: "a", before: "b" }, /before: give either after or before/],
    [{ after: "not/base64" }, /after: is not a page cursor/],
    [{ callr: "x" }, /callr: is not a hop log filter/],
    [{ caller: ["a", "b"] }, /caller: must be given once/],
  ])("refuses %j", (record, message) => {
    expect(issues(record).join("; ")).toMatch(message);
  });

  it("reads instants as UTC and refuses impossible ones", () => {
    expect(parseInstant("2026-12-05T14:30:15.5Z")).toBe("2026-12-05T14:30:15.500Z");
    expect(parseInstant("2026-12-05 14:30")).toBe("2026-12-05T14:30:00.000Z");
    expect(parseInstant("2026-12-05T24:00")).toBeNull();
    expect(parseInstant("1999-12-31")).toBeNull();
  });
});

describe("hop log cursor", () => {
  it("round-trips a row's (time, id)", () => {
    const c = { time: "2026-12-05T14:30:15.123Z", id: "9223372036854775807" };
    expect(decodeHopCursor(encodeHopCursor(c))).toEqual(c);
  });

  const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  it.each([
    ["a huge id", forge(["2026-12-05T14:30:15.123Z", "1e300"])],
    ["a numeric id", forge(["2026-12-05T14:30:15.123Z", 1e300])],
    ["an id past bigint", forge(["2026-12-05T14:30:15.123Z", "9223372036854775808"])],
    ["year 275760", forge(["+275760-09-13T00:00:00.000Z", "1"])],
    ["an invalid day", forge(["2026-02-31T00:00:00.000Z", "1"])],
    ["a NUL", forge(["2026-12-05T14:30:15.123Z\u0000", "1"])],
    ["three parts", forge(["2026-12-05T14:30:15.123Z", "1", "x"])],
    ["not JSON", Buffer.from("{{").toString("base64url")],
  ])("refuses %s", (_, token) => {
    expect(() => decodeHopCursor(token)).toThrow(/cursor is not a page cursor from this hop log/);
  });
});
