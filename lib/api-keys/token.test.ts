import { describe, expect, it } from "vitest";
import { bearerToken, generateApiToken, hashApiToken, parseApiToken, tokenMatches } from "@/lib/api-keys/token";

describe("API tokens", () => {
  it("generates a parseable token whose hash matches and whose hint is its last 4 characters", () => {
    const t = generateApiToken();
    expect(t.token).toMatch(/^twk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiToken(t.token)).toEqual({ prefix: t.prefix });
    expect(tokenMatches(t.token, t.secretHash)).toBe(true);
    expect(t.hint).toBe(t.token.slice(-4));
    expect(t.secretHash).toBe(hashApiToken(t.token));
    expect(generateApiToken().token).not.toBe(t.token);
  });

  it.each([
    ["empty", ""],
    ["no secret", "twk_0123456789ab"],
    ["short secret", "twk_0123456789ab_abc"],
    ["upper-case prefix", "TWK_0123456789ab_" + "a".repeat(43)],
    ["non-hex prefix", "twk_0123456789zz_" + "a".repeat(43)],
    ["trailing newline", "twk_0123456789ab_" + "a".repeat(43) + "\n"],
    ["SQL in secret", "twk_0123456789ab_' OR 1=1 --" + "a".repeat(30)],
    ["too long", "twk_0123456789ab_" + "a".repeat(44)],
  ])("refuses a malformed token (%s)", (_, token) => {
    expect(parseApiToken(token)).toBeNull();
  });

  it("does not match another token's hash, nor a hash of the wrong length", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(tokenMatches(a.token, b.secretHash)).toBe(false);
    expect(tokenMatches(a.token, "abcd")).toBe(false);
  });

  it("reads only a well-formed Bearer header", () => {
    const h = (v?: string) => new Headers(v === undefined ? {} : { authorization: v });
    expect(bearerToken(h())).toBeNull();
    expect(bearerToken(h("Bearer twk_x"))).toBe("twk_x");
    expect(bearerToken(h("Basic dXNlcjpwYXNz"))).toBe("invalid");
    expect(bearerToken(h("Bearer "))).toBe("invalid");
    expect(bearerToken(h("Bearer a b"))).toBe("invalid");
    expect(bearerToken(h(`Bearer ${"a".repeat(201)}`))).toBe("invalid");
  });
});
