import { describe, expect, it } from "vitest";
import { effectiveStatus, statusConditionSql } from "@/lib/inventory/effective-status";

const now = new Date("2026-12-04T09:00:00.000Z");

describe("effectiveStatus", () => {
  it("an active credential is expired the moment its expiry passes, not before", () => {
    expect(effectiveStatus("active", "2026-12-04T09:00:00.001Z", now)).toBe("active");
    expect(effectiveStatus("active", "2026-12-04T09:00:00.000Z", now)).toBe("expired");
    expect(effectiveStatus("active", new Date("2026-01-01T00:00:00Z"), now)).toBe("expired");
    expect(effectiveStatus("active", null, now)).toBe("active");
  });
  it("leaves revoked and disabled alone, whatever the expiry", () => {
    expect(effectiveStatus("revoked", "2020-01-01T00:00:00Z", now)).toBe("revoked");
    expect(effectiveStatus("disabled", "2020-01-01T00:00:00Z", now)).toBe("disabled");
  });
});

describe("statusConditionSql", () => {
  const bind = () => {
    const values: unknown[] = [];
    return { values, add: (v: unknown, cast: string) => (values.push(v), `$${values.length + 1}::${cast}`) };
  };
  it("active excludes credentials past their expiry; expired includes them", () => {
    const b = bind();
    expect(statusConditionSql(["active"], () => "$1::timestamp(3)", b.add)).toBe("(c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3)))");
    expect(statusConditionSql(["expired"], () => "$1::timestamp(3)", b.add)).toBe("(c.status = 'expired' OR (c.status = 'active' AND c.expires_at <= $1::timestamp(3)))");
    expect(b.values).toEqual([]);
  });
  it("binds the clock only when a status needs it (an unreferenced parameter has no type in PostgreSQL)", () => {
    const b = bind();
    let asked = 0;
    expect(statusConditionSql(["revoked"], () => (asked++, "$9::timestamp(3)"), b.add)).toBe(`c.status = $2::"CredentialStatus"`);
    expect(asked).toBe(0);
    statusConditionSql(["active", "expired"], () => (asked++, "$9::timestamp(3)"), b.add);
    expect(asked).toBe(1);
  });
  it("other statuses are bound parameters, ORed with the derived ones", () => {
    const b = bind();
    const sql = statusConditionSql(["active", "revoked", "disabled"], () => "$1::timestamp(3)", b.add);
    expect(sql).toBe(`((c.status = 'active' AND (c.expires_at IS NULL OR c.expires_at > $1::timestamp(3))) OR c.status = ANY($2::"CredentialStatus"[]))`);
    expect(b.values).toEqual([["revoked", "disabled"]]);
  });
});
