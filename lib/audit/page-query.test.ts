import { describe, expect, it } from "vitest";
import { parseAuditPageQuery } from "@/lib/audit/page-query";
import { auditTimeRange, decodeAuditCursor, encodeAuditCursor, ZAuditLogQuery } from "@/lib/audit/schemas";

describe("audit cursor", () => {
  it("round-trips (time, seq)", () => {
    const time = new Date("2026-12-05T10:11:12.345Z");
    expect(decodeAuditCursor(encodeAuditCursor(time, 42n))).toEqual({ time, seq: 42n });
  });

  it.each(["", "abc", "1.2.3", "-1.5", "1.", ".1", "1e5.1", "1.0x1", "99999999999999999.1", "1.9223372036854775808", "1 .1", "1.1 OR 1=1"])("refuses %j", (raw) => {
    expect(decodeAuditCursor(raw)).toBeNull();
  });
});

describe("audit page query", () => {
  it("reads the filters and drops empty form fields", () => {
    const r = parseAuditPageQuery({ actor: "owner@tokenward.local", action: "ownership.claim", targetType: "", targetId: "", from: "", to: "" });
    expect(r).toMatchObject({ ok: true, filters: { actor: "owner@tokenward.local", action: "ownership.claim" } });
    expect(r.ok && r.query).toMatchObject({ actor: "owner@tokenward.local", action: "ownership.claim", limit: 50 });
  });

  it("answers a tampered URL with a message, keeping the filters for the form", () => {
    const r = parseAuditPageQuery({ action: "ownership.claim", cursor: "not-a-cursor" });
    expect(r).toMatchObject({ ok: false, filters: { action: "ownership.claim" } });
    expect(!r.ok && r.message).toContain("Cursor is not one this page gave");
    expect(parseAuditPageQuery({ action: ["a.b", "c.d"] })).toMatchObject({ ok: false, message: "action is given 2 times: give it once." });
    expect(parseAuditPageQuery({ sort: "asc" }).ok).toBe(false);
  });

  it.each([
    [{ from: "2026-02-31" }, "From must be a date"],
    [{ from: "2026-11-10", to: "2026-11-01" }, "To must be after From"],
    [{ targetId: "abc" }, "Target id needs a target type"],
    [{ actor: "robert'); DROP TABLE" }, "Actor must be"],
    [{ action: "x'; --" }, "Action must be an action name"],
    [{ limit: "0" }, "Limit must be at least 1"],
  ])("refuses %j", (input, message) => {
    const r = ZAuditLogQuery.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message).join(" ")).toContain(message);
  });

  it("makes a day in 'to' include that day, a time exclude itself", () => {
    expect(auditTimeRange({ from: "2026-11-10", to: "2026-11-10" })).toEqual({ from: new Date("2026-11-10T00:00:00Z"), to: new Date("2026-11-11T00:00:00Z") });
    expect(auditTimeRange({ to: "2026-11-10T12:30" })).toEqual({ from: null, to: new Date("2026-11-10T12:30:00Z") });
  });
});
