import { describe, expect, it } from "vitest";
import {
  buildCountQueries,
  buildListQuery,
  buildScopeNamesQuery,
  buildTagProbeQueries,
  decodeCursor,
  encodeCursor,
  filterConditions,
  SORTS,
  SqlParams,
} from "@/lib/inventory/query-builder";
import {
  filterToSearchParams,
  inventoryHref,
  listQueryToSearchParams,
  parseCredentialFilter,
  parseListSearchParams,
  searchTerms,
  type TCredentialFilter,
} from "@/lib/inventory/query-params";
import { describeZodError, ZCredentialFilter, ZCredentialListQuery } from "@/lib/inventory/schemas";

const NOW = new Date("2026-11-20T12:00:00.000Z");
const ID = "0196b1f2-7c3a-7d41-9a0e-2f1c3b4d5e6f";
const ID2 = "0196b1f2-7c3a-7d41-9a0e-2f1c3b4d5e70";

function where(params: Record<string, string>) {
  const filter = ZCredentialFilter.parse(params);
  const p = new SqlParams();
  return { sql: filterConditions(filter, NOW, p).join(" AND "), values: p.values };
}

function parseError(params: Record<string, string>): string {
  const result = ZCredentialListQuery.safeParse(params);
  expect(result.success).toBe(false);
  return result.success ? "" : describeZodError(result.error);
}

describe("filter → SQL: each filter", () => {
  const cases: [string, Record<string, string>, RegExp, unknown[]][] = [
    ["search (prefix tsquery, words only)", { q: "Svc-Payments  ghp_1" }, /c\.search_vector @@ to_tsquery\('simple', \$1::text\)/, ["svc:* & payments:* & ghp:* & 1:*"]],
    // Effective status: active excludes credentials past their expiry at "now"; expired includes them.
    ["one status", { status: "active" }, /^\(c\.status = 'active' AND \(c\.expires_at IS NULL OR c\.expires_at > \$1::timestamp\(3\)\)\)$/, [NOW.toISOString()]],
    ["several statuses", { status: "active,expired,revoked" }, /^\(\(c\.status = 'active' AND .*\) OR \(c\.status = 'expired' OR \(c\.status = 'active' AND c\.expires_at <= \$1::timestamp\(3\)\)\) OR c\.status = \$2::"CredentialStatus"\)$/, [NOW.toISOString(), "revoked"]],
    ["provider", { provider: ID }, /^c\.provider_id = \$1::uuid$/, [ID]],
    ["providers", { provider: `${ID},${ID2}` }, /^c\.provider_id = ANY\(\$1::uuid\[\]\)$/, [[ID, ID2]]],
    ["kind", { kind: "pat,api_key" }, /^c\.kind = ANY\(\$1::"CredentialKind"\[\]\)$/, [["pat", "api_key"]]],
    ["environment", { env: "dev" }, /^c\.environment = \$1::"Environment"$/, ["dev"]],
    ["risk level", { risk: "high,critical" }, /^r\.level = ANY\(\$1::"RiskLevel"\[\]\)$/, [["high", "critical"]]],
    ["owner", { owner: ID }, /^r\.owner_id = \$1::uuid$/, [ID]],
    ["no owner", { owner: "none" }, /^c\.owner_id IS NULL$/, []],
    ["team", { team: ID }, /^c\.team_id = \$1::uuid$/, [ID]],
    ["no team", { team: "none" }, /^c\.team_id IS NULL$/, []],
    ["orphaned (the trigger-kept flag)", { orphaned: "1" }, /^c\.orphaned$/, []],
    ["holder kind", { holder: "agent" }, /c\.identity_id IN \(SELECT i\.id FROM identities i WHERE i\.kind = \$1::"IdentityKind"\)/, ["agent"]],
    ["identity", { identity: ID }, /c\.identity_id = \$1::uuid OR c\.id IN \(SELECT b\.credential_id FROM bindings b WHERE b\.holder_identity_id = \$1::uuid\)/, [ID]],
    ["MCP server", { server: ID }, /target_mcp_server_id = \$1::uuid UNION .*holder_mcp_server_id = \$1::uuid/, [ID]],
    ["framework item", { framework: "NHI7" }, /^r\.frameworks @> ARRAY\[\$1::text\]$/, ["NHI7"]],
    ["risk factor", { factor: "exposed" }, /^r\.factor_ids @> ARRAY\[\$1::text\]$/, ["exposed"]],
    ["privilege", { privilege: "admin,wildcard" }, /^r\.privileges && \$1::text\[\]$/, [["admin", "wildcard"]]],
    ["expires within", { expiresWithin: "30" }, /^c\.expires_at >= \$1::timestamp\(3\) AND c\.expires_at < \$2::timestamp\(3\)$/, ["2026-11-20T12:00:00.000Z", "2026-12-20T12:00:00.000Z"]],
    ["never expires", { neverExpires: "1" }, /^c\.expires_at IS NULL$/, []],
    ["last used before", { lastUsedBefore: "2026-10-01" }, /^c\.last_used_at < \$1::timestamp\(3\)$/, ["2026-10-01T00:00:00.000Z"]],
    ["last used after", { lastUsedAfter: "2026-11-13" }, /^c\.last_used_at >= \$1::timestamp\(3\)$/, ["2026-11-13T00:00:00.000Z"]],
    ["never used", { neverUsed: "1" }, /^c\.last_used_at IS NULL$/, []],
    ["unused for", { unusedFor: "90" }, /c\.last_used_at < \$1::timestamp\(3\) OR \(c\.last_used_at IS NULL AND coalesce\(c\.issued_at, c\.created_at\) < \$1::timestamp\(3\)\)/, ["2026-08-22T12:00:00.000Z"]],
    ["exposed", { exposed: "1" }, /^c\.exposure_count > 0$/, []],
    ["shared", { shared: "1" }, /^c\.consumer_count > 1$/, []],
    ["scope contains (LIKE metacharacters escaped)", { scope: "50%_off\\" }, /^EXISTS \(SELECT sn\.scope FROM scope_names sn WHERE sn\.scope ILIKE \$1::text\) AND c\.scopes && ARRAY\(SELECT sn\.scope FROM scope_names sn WHERE sn\.scope ILIKE \$1::text\)$/, ["%50\\%\\_off\\\\%"]],
  ];
  it.each(cases)("%s", (_label, params, sql, values) => {
    const out = where(params);
    expect(out.sql).toMatch(sql);
    expect(out.values).toEqual(values);
  });

  it("combines filters with AND, numbering parameters in order", () => {
    const out = where({ status: "active", neverExpires: "1", scope: "write", env: "dev", lastUsedAfter: "2026-11-13", holder: "agent" });
    expect(out.sql.split(" AND ").length).toBeGreaterThanOrEqual(6);
    expect(out.sql).toContain("c.expires_at > $1::timestamp(3)");
    expect(out.sql).toContain('c.environment = $2::"Environment"');
    expect(out.sql).toContain('i.kind = $3::"IdentityKind"');
    expect(out.sql).toContain("c.expires_at IS NULL");
    expect(out.sql).toContain("c.last_used_at >= $4::timestamp(3)");
    expect(out.sql).toContain("sn.scope ILIKE $5::text");
    expect(out.values).toEqual([NOW.toISOString(), "dev", "agent", "2026-11-13T00:00:00.000Z", "%write%"]);
  });

  it("puts no user text into the SQL itself", () => {
    const nasty = "'); DROP TABLE credentials; --";
    const out = where({ scope: nasty, q: `${nasty} x` });
    expect(out.sql).not.toContain("DROP");
    expect(JSON.stringify(out.values)).toContain("DROP");
  });
});

describe("filter validation: invalid values are rejected with a clear error", () => {
  it.each([
    [{ status: "gone" }, /status: "gone" is not a status \(expected active, expired, revoked, disabled\)/],
    [{ status: "," }, /status: give at least one status/],
    [{ kind: "password" }, /kind: "password" is not a credential kind/],
    [{ env: "qa" }, /env: "qa" is not a environment|env: "qa" is not a/],
    [{ risk: "severe" }, /risk: "severe" is not a risk level/],
    [{ provider: "github" }, /provider: "github" is not a provider id/],
    [{ team: `none,${ID}` }, /team: "none" cannot be combined with team ids/],
    [{ owner: "me" }, /owner: "me" is not a user id \(or "none"\)/],
    [{ identity: "none" }, /identity: "none" is not a identity id|identity: "none" is not an? identity id/],
    [{ holder: "human" }, /holder: "human" is not a identity kind|holder: "human" is not/],
    [{ framework: "NHI 7; drop" }, /framework: "NHI 7; drop" is not a framework item \(expected NHI1, /],
    [{ expiresWithin: "-3" }, /expiresWithin must be a whole number of days from 1 to 3650/],
    [{ expiresWithin: "1.5" }, /expiresWithin must be a whole number of days/],
    [{ unusedFor: "99999" }, /unusedFor must be a whole number of days/],
    [{ neverExpires: "yes" }, /neverExpires is a flag: use neverExpires=1/],
    [{ lastUsedBefore: "yesterday" }, /lastUsedBefore must be a date as YYYY-MM-DD/],
    [{ lastUsedAfter: "2026-13-01" }, /lastUsedAfter must be a date as YYYY-MM-DD/],
    [{ q: "--- !!!" }, /search text needs at least one letter or digit/],
    [{ q: "x".repeat(201) }, /search text is at most 200 characters/],
    [{ scope: "a\u0000b" }, /scope is printable text/],
    [{ neverExpires: "1", expiresWithin: "7" }, /neverExpires and expiresWithin cannot be combined/],
    [{ neverUsed: "1", lastUsedAfter: "2026-01-01" }, /neverUsed and lastUsedAfter cannot be combined/],
    [{ lastUsedAfter: "2026-05-01", lastUsedBefore: "2026-04-01" }, /lastUsedAfter must be earlier than lastUsedBefore/],
    [{ sort: "colour" }, /sort must be one of risk, name/],
    [{ dir: "up" }, /dir must be asc or desc/],
    [{ limit: "0" }, /limit must be a whole number from 1 to 200/],
    [{ limit: "201" }, /limit must be a whole number from 1 to 200/],
    [{ after: "a b" }, /cursor is not a page cursor/],
    [{ after: "abc", before: "abc" }, /give either after or before/],
    [{ colour: "red" }, /"colour" is not an inventory parameter \(expected q, status, /],
  ])("%j", (params, message) => {
    expect(parseError(params as Record<string, string>)).toMatch(message);
  });

  it("accepts and normalises valid values (dedupes lists, lowercases ids, trims)", () => {
    const q = ZCredentialListQuery.parse({ status: "active, active ,expired", provider: ID.toUpperCase(), q: "  github  ", limit: "25" });
    expect(q).toMatchObject({ status: ["active", "expired"], provider: [ID], q: "github", limit: 25, sort: "risk", dir: "desc" });
    expect(ZCredentialListQuery.parse({ sort: "expires" })).toMatchObject({ sort: "expires", dir: "asc", limit: 50 });
    expect(ZCredentialListQuery.parse({ q: "   " }).q).toBeUndefined();
  });

  it("splits search text into at most 8 safe words", () => {
    expect(searchTerms("a:b|c&d!e(f)g'h i j")).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(searchTerms("Über-Token_42")).toEqual(["über", "token", "42"]);
  });
});

describe("URL round trip", () => {
  it("serialises canonically: defaults left out, fixed key order, equal filters give equal URLs", () => {
    const a = listQueryToSearchParams(ZCredentialListQuery.parse({ scope: "write", status: "active", sort: "risk", dir: "desc", limit: "50" })).toString();
    const b = listQueryToSearchParams(ZCredentialListQuery.parse({ status: "active", scope: "write" })).toString();
    expect(a).toBe(b);
    expect(a).toBe("status=active&scope=write");
  });

  it("parses back to the same query for every kind of filter", () => {
    const all: Record<string, string> = {
      q: "deploy bot", status: "active,expired", provider: ID, kind: "pat", env: "prod,dev", risk: "high", owner: "none", team: `${ID},${ID2}`,
      orphaned: "1", holder: "agent", identity: ID, server: ID2, framework: "NHI7", expiresWithin: "30", lastUsedAfter: "2026-01-01",
      lastUsedBefore: "2026-02-01", unusedFor: "90", exposed: "1", shared: "1", scope: "write", sort: "expires", dir: "desc", limit: "100",
    };
    const query = ZCredentialListQuery.parse(all);
    const again = parseListSearchParams(listQueryToSearchParams(query));
    expect(again.success && again.data).toEqual(query);
  });

  it("builds inventory links for tiles", () => {
    expect(inventoryHref()).toBe("/inventory");
    expect(inventoryHref({ status: ["active"], expiresWithin: 7, sort: "expires", dir: "asc" })).toBe("/inventory?status=active&expiresWithin=7&sort=expires");
    expect(filterToSearchParams({ exposed: true, team: ["none"] } as TCredentialFilter).toString()).toBe("team=none&exposed=1");
  });

  it("takes the first value of a repeated key from a page's searchParams", () => {
    const parsed = parseListSearchParams({ status: ["expired", "active"], sort: undefined });
    expect(parsed.success && parsed.data.status).toEqual(["expired"]);
  });
});

describe("keyset SQL", () => {
  const q = (params: Record<string, string>) => ZCredentialListQuery.parse(params);

  it("uses a row comparison on (column, id) in the sort direction", () => {
    const first = buildListQuery(q({ sort: "name", dir: "asc", limit: "10" }), NOW);
    expect(first.text).toContain("ORDER BY c.name ASC, c.id ASC LIMIT $1::int");
    expect(first.text).not.toMatch(/OFFSET/i);
    expect(first.values).toEqual([11, 10, "name", "asc", NOW.toISOString()]);
    const after = encodeCursor({ sort: "name", dir: "asc", value: "m", id: ID });
    const next = buildListQuery({ ...q({ sort: "name", dir: "asc", limit: "10" }), after }, NOW);
    expect(next.text).toContain("(c.name, c.id) > ($2::text, $3::uuid)");
    expect(next.values).toEqual([11, "m", ID, 10, "name", "asc", NOW.toISOString()]);
    const desc = buildListQuery({ ...q({ sort: "risk", limit: "10" }), after: encodeCursor({ sort: "risk", dir: "desc", value: 70, id: ID }) }, NOW);
    expect(desc.text).toContain("(r.score, r.credential_id) < ($2::float8, $3::uuid)");
    expect(desc.text).toContain("ORDER BY r.score DESC, r.credential_id DESC");
  });

  it("with the scope names read first, binds them as one array the planner can estimate; none matched is a constant false", () => {
    const filter = ZCredentialFilter.parse({ scope: "write", env: "prod" });
    const p = new SqlParams();
    expect(filterConditions(filter, NOW, p, { scopeNames: ["contents:write", "o'brien\\%"] }).join(" AND ")).toBe("c.environment = $1::\"Environment\" AND c.scopes && $2::text[]");
    expect(p.values).toEqual(["prod", ["contents:write", "o'brien\\%"]]);
    const none = new SqlParams();
    expect(filterConditions(filter, NOW, none, { scopeNames: [] })).toEqual(["c.environment = $1::\"Environment\"", "false"]);
    expect(none.values).toEqual(["prod"]);
    // Names given without a scope filter change nothing.
    expect(filterConditions(ZCredentialFilter.parse({}), NOW, new SqlParams(), { scopeNames: ["x"] })).toEqual([]);
    const list = buildListQuery(q({ scope: "write" }), NOW, undefined, { scopeNames: ["a:write"] });
    expect(list.text).not.toContain("scope_names");
    expect(buildCountQueries(ZCredentialFilter.parse({ scope: "write" }), NOW, undefined, { scopeNames: [] }).bounded.text).toContain("WHERE false");
  });

  it("with the tag holders read first, narrows to their ids and keeps the tag conditions; none held is a constant false", () => {
    const filter = ZCredentialFilter.parse({ factor: "passthrough", privilege: "admin" });
    const p = new SqlParams();
    const id = "00000000-0000-4000-8000-000000000001";
    expect(filterConditions(filter, NOW, p, { tagIds: [id] })).toEqual([
      "c.id = ANY($3::uuid[])",
      "r.factor_ids @> ARRAY[$1::text]",
      "r.privileges && $2::text[]",
    ]);
    expect(p.values).toEqual(["passthrough", ["admin"], [id]]);
    expect(filterConditions(filter, NOW, new SqlParams(), { tagIds: [] })[0]).toBe("false");
    // Ids given without a tag condition change nothing.
    expect(filterConditions(ZCredentialFilter.parse({ env: "dev" }), NOW, new SqlParams(), { tagIds: [] })).toEqual(['c.environment = $1::"Environment"']);
    const probe = buildTagProbeQueries(filter, 10)!;
    expect(probe.estimate.text).toBe("EXPLAIN (FORMAT JSON) SELECT 1 FROM credential_risks r WHERE r.factor_ids @> ARRAY[$1::text] AND r.privileges && $2::text[]");
    expect(probe.ids.text).toContain("LIMIT 11");
    expect(buildTagProbeQueries(ZCredentialFilter.parse({ env: "dev" }))).toBeNull();
  });

  it("looks the scope text up in the vocabulary with LIKE metacharacters escaped, as a parameter", () => {
    const lookup = buildScopeNamesQuery("50%_off\\' OR 1=1 --");
    expect(lookup.text).toContain("sn.scope ILIKE $1::text");
    expect(lookup.text).not.toContain("OR 1=1");
    expect(lookup.values).toEqual(["%50\\%\\_off\\\\' OR 1=1 --%"]);
  });

  it("by risk, reads never-expiring from the risk row's copy (its partial index); other sorts read the credential", () => {
    const byRisk = buildListQuery(q({ neverExpires: "1", scope: "write" }), NOW);
    expect(byRisk.text).toContain("WHERE r.never_expires AND ");
    expect(byRisk.text).not.toContain("c.expires_at IS NULL");
    const byName = buildListQuery(q({ neverExpires: "1", sort: "name" }), NOW);
    expect(byName.text).toContain("WHERE c.expires_at IS NULL ORDER BY c.name");
    expect(byName.text).not.toContain("never_expires");
  });

  it("answers with the API's JSON body, cursors included", () => {
    const plan = buildListQuery(q({ sort: "expires", limit: "10" }), NOW);
    expect(plan.text).toMatch(/SELECT json_build_object\('items', .*'nextCursor', .*'prevCursor', NULL::text\)::text AS body$/s);
    expect(plan.text).toContain(`to_char(n.sort_value, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
    const back = buildListQuery({ ...q({ sort: "expires", limit: "10" }), before: encodeCursor({ sort: "expires", dir: "asc", value: null, id: ID }) }, NOW);
    expect(back.text).toContain("json_agg(it.item ORDER BY it.rn DESC)");
  });

  it("splits a nullable column into a value segment and a NULL segment, in the right order", () => {
    const asc = buildListQuery(q({ sort: "expires", dir: "asc" }), NOW).text;
    expect(asc.indexOf("c.expires_at IS NOT NULL")).toBeLessThan(asc.indexOf("c.expires_at IS NULL"));
    expect(asc).toContain("UNION ALL");
    const lastUsedAsc = buildListQuery(q({ sort: "lastUsed", dir: "asc" }), NOW).text;
    expect(lastUsedAsc.indexOf("c.last_used_at IS NULL")).toBeLessThan(lastUsedAsc.indexOf("c.last_used_at IS NOT NULL"));
    // A cursor inside the NULL segment skips the value segment (and keys on id alone).
    const inNulls = buildListQuery({ ...q({ sort: "expires", dir: "asc" }), after: encodeCursor({ sort: "expires", dir: "asc", value: null, id: ID }) }, NOW);
    expect(inNulls.text).not.toContain("IS NOT NULL");
    expect(inNulls.text).toContain("c.expires_at IS NULL AND c.id > $2::uuid");
  });

  it("walks backwards for `before` and says so", () => {
    const before = encodeCursor({ sort: "created", dir: "desc", value: "2026-01-01T00:00:00.000Z", id: ID });
    const plan = buildListQuery({ ...q({ sort: "created" }), before }, NOW);
    expect(plan).toMatchObject({ reversed: true, direction: "asc" });
    expect(plan.text).toContain("(c.created_at, c.id) > ($2::timestamp(3), $3::uuid)");
  });

  it("has a plain column for every sort (so each can have a (column, id) index)", () => {
    for (const spec of Object.values(SORTS)) expect(spec.column).toMatch(/^(c|r)\.[a-z_]+$/);
    // The risk sort walks credential_risks' (score, credential_id) index: its tie-breaker is that id.
    expect(SORTS.risk).toMatchObject({ column: "r.score", id: "r.credential_id" });
  });

  it("round-trips a cursor, and refuses cursors that do not fit the sort", () => {
    const token = encodeCursor({ sort: "expires", dir: "asc", value: "2026-03-01T10:00:00.000Z", id: ID });
    expect(decodeCursor(token, "expires", "asc")).toEqual({ sort: "expires", dir: "asc", value: "2026-03-01T10:00:00.000Z", id: ID });
    // PostgreSQL writes the array with spaces after commas: still the same cursor.
    const fromSql = Buffer.from(`["expires", "asc", "2026-03-01T10:00:00.000Z", "${ID}"]`).toString("base64url");
    expect(decodeCursor(fromSql, "expires", "asc")).toEqual(decodeCursor(token, "expires", "asc"));
    expect(() => decodeCursor(token, "expires", "desc")).toThrow(/another sort order/);
    expect(() => decodeCursor(token, "name", "asc")).toThrow(/another sort order/);
    expect(() => decodeCursor(encodeCursor({ sort: "risk", dir: "desc", value: "high", id: ID }), "risk", "desc")).toThrow(/not a page cursor/);
    // Risk cursors carry a score with one decimal; anything outside 0..100 (or not finite) is forged.
    expect(decodeCursor(encodeCursor({ sort: "risk", dir: "desc", value: 94.3, id: ID }), "risk", "desc").value).toBe(94.3);
    for (const forged of [100.5, -1, 1e300]) {
      expect(() => decodeCursor(encodeCursor({ sort: "risk", dir: "desc", value: forged, id: ID }), "risk", "desc")).toThrow(/not a page cursor/);
    }
    expect(() => decodeCursor(encodeCursor({ sort: "name", dir: "asc", value: null, id: ID }), "name", "asc")).toThrow(/not a page cursor/);
    expect(() => decodeCursor(encodeCursor({ sort: "name", dir: "asc", value: "x", id: "not-a-uuid" }), "name", "asc")).toThrow(/not a page cursor/);
    expect(() => decodeCursor("%%%", "name", "asc")).toThrow(/not a page cursor/);
  });

  it("counts with the planner's estimate and a LIMITed exact count, never an unbounded count(*)", () => {
    const { estimate, bounded } = buildCountQueries(ZCredentialFilter.parse({ status: "active" }), NOW);
    expect(estimate.text).toMatch(/^EXPLAIN \(FORMAT JSON\) SELECT 1 FROM credentials c WHERE \(c\.status = 'active' AND /);
    expect(bounded.text).toMatch(/LIMIT 10001\) s$/);
    expect(bounded.values).toEqual([NOW.toISOString()]);
    // The risk row is joined only for a filter that reads it.
    expect(estimate.text).not.toContain("credential_risks");
    const risky = buildCountQueries(ZCredentialFilter.parse({ risk: "high", framework: "NHI7" }), NOW);
    expect(risky.bounded.text).toContain("FROM credentials c JOIN credential_risks r ON r.credential_id = c.id WHERE r.level = $1");
  });
});

describe("one query language for browser and server", () => {
  it("the route's zod schema and the browser's parser agree, errors included", () => {
    const cases: Record<string, string>[] = [{ status: "active", scope: "write" }, { status: "bogus" }, { neverExpires: "1", expiresWithin: "3" }, { colour: "red" }];
    for (const params of cases) {
      const browser = parseCredentialFilter(params);
      const server = ZCredentialFilter.safeParse(params);
      expect(server.success).toBe(browser.success);
      if (browser.success && server.success) expect(server.data).toEqual(browser.data);
      if (!browser.success && !server.success) expect(server.error.issues.map((i) => i.message)).toEqual(browser.error.issues.map((i) => i.message));
    }
  });

  it("keeps zod out of the browser's module", async () => {
    const { readFileSync } = await import("node:fs");
    const source = readFileSync(new URL("./query-params.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/from "zod"/);
  });
});

describe("segments a filter rules out are left out", () => {
  const q = (params: Record<string, string>) => ZCredentialListQuery.parse(params);
  it.each([
    [{ sort: "expires", expiresWithin: "30" }, "c.expires_at IS NOT NULL", "c.expires_at IS NULL AND"],
    [{ sort: "expires", neverExpires: "1" }, "c.expires_at IS NULL", "c.expires_at IS NOT NULL"],
    [{ sort: "lastUsed", lastUsedAfter: "2026-01-01" }, "c.last_used_at IS NOT NULL", "UNION ALL"],
    [{ sort: "lastUsed", neverUsed: "1" }, "c.last_used_at IS NULL", "IS NOT NULL"],
    [{ sort: "owner", owner: ID }, "c.owner_name IS NOT NULL", "UNION ALL"],
    [{ sort: "owner", owner: "none" }, "c.owner_name IS NULL", "IS NOT NULL"],
    [{ sort: "team", team: "none" }, "c.team_name IS NULL", "IS NOT NULL"],
  ])("%j", (params, present, absent) => {
    const text = buildListQuery(q(params as Record<string, string>), NOW).text;
    expect(text).toContain(present);
    expect(text).not.toContain(absent);
  });
});
