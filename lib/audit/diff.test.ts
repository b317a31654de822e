import { describe, expect, it } from "vitest";
import { diffValues, jsonEqual, summaryView } from "@/lib/audit/diff";

describe("diffValues", () => {
  it("does not report an unchanged field as a change", () => {
    expect(diffValues({ owner: "a", team: "t" }, { owner: "b", team: "t" })).toEqual([{ path: "owner", kind: "changed", before: "a", after: "b" }]);
  });

  it("walks nested objects and names the leaf by its dotted path", () => {
    const before = { settings: { region: "eu", retries: 3, tls: { verify: true } } };
    const after = { settings: { region: "us", retries: 3, tls: { verify: true } } };
    expect(diffValues(before, after)).toEqual([{ path: "settings.region", kind: "changed", before: "eu", after: "us" }]);
  });

  it("ignores key order", () => {
    expect(diffValues({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toEqual([]);
  });

  it("compares arrays as whole values: equal arrays are no change, a reorder is one", () => {
    expect(diffValues({ scopes: ["read", "write"] }, { scopes: ["read", "write"] })).toEqual([]);
    expect(diffValues({ scopes: ["read", "write"] }, { scopes: ["write", "read"] })).toEqual([
      { path: "scopes", kind: "changed", before: ["read", "write"], after: ["write", "read"] },
    ]);
    expect(diffValues({ list: [{ a: 1 }] }, { list: [{ a: 1 }] })).toEqual([]);
  });

  it("tells null from missing", () => {
    expect(diffValues({ owner: null }, { owner: "u1" })).toEqual([{ path: "owner", kind: "changed", before: null, after: "u1" }]);
    expect(diffValues({}, { owner: null })).toEqual([{ path: "owner", kind: "added", after: null }]);
    expect(diffValues({ owner: null }, {})).toEqual([{ path: "owner", kind: "removed", before: null }]);
    expect(diffValues({ owner: null }, { owner: null })).toEqual([]);
  });

  it("reports a type change (object to scalar) as one change at that path", () => {
    expect(diffValues({ a: { b: 1 } }, { a: 2 })).toEqual([{ path: "a", kind: "changed", before: { b: 1 }, after: 2 }]);
  });

  it("treats 1 and '1' as different values", () => {
    expect(jsonEqual(1, "1")).toBe(false);
    expect(diffValues({ n: 1 }, { n: "1" })).toHaveLength(1);
  });
});

describe("summaryView", () => {
  it("splits the change from its context", () => {
    const view = summaryView({ before: { role: "owner", active: true }, after: { role: "admin", active: true }, reason: "promotion" });
    expect(view).toEqual({ hasChange: true, changes: [{ path: "role", kind: "changed", before: "owner", after: "admin" }], context: [["reason", "promotion"]] });
  });

  it("a creation lists its fields as added, a deletion as removed", () => {
    expect(summaryView({ after: { name: "x", enabled: true } }).changes.map((c) => `${c.kind}:${c.path}`)).toEqual(["added:enabled", "added:name"]);
    expect(summaryView({ before: { name: "x" } }).changes).toEqual([{ path: "name", kind: "removed", before: "x" }]);
  });

  it("a before equal to its after has a change section with nothing in it", () => {
    expect(summaryView({ before: { a: 1 }, after: { a: 1 } })).toEqual({ hasChange: true, changes: [], context: [] });
  });

  it("a summary without before/after is context only; non-objects are empty", () => {
    expect(summaryView({ ok: true, count: 3 })).toEqual({ hasChange: false, changes: [], context: [["ok", true], ["count", 3]] });
    expect(summaryView(null)).toEqual({ hasChange: false, changes: [], context: [] });
    expect(summaryView("x")).toEqual({ hasChange: false, changes: [], context: [] });
  });
});
