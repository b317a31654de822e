import { describe, expect, it } from "vitest";
import { isAutoRefreshing } from "@/lib/inventory/auto-refresh";

const NOW = new Date("2026-12-04T12:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const token = (issued: number, expires: number, kind: "oauth_access_token" | "pat" = "oauth_access_token") => ({ kind, issuedAt: at(issued), expiresAt: at(expires) });
const live = { status: "active" as const, expiresAt: at(60 * 24 * 30) };

describe("isAutoRefreshing", () => {
  it("an access token of an hour or less with a live refresh token renews itself", () => {
    expect(isAutoRefreshing(token(-10, 50), live, NOW)).toBe(true);
    expect(isAutoRefreshing(token(-10, 20), { status: "active", expiresAt: null }, NOW)).toBe(true);
  });

  it("is not auto-refreshing without a refresh token, or when that one is revoked or expired", () => {
    expect(isAutoRefreshing(token(-10, 50), null, NOW)).toBe(false);
    expect(isAutoRefreshing(token(-10, 50), { ...live, status: "revoked" }, NOW)).toBe(false);
    expect(isAutoRefreshing(token(-10, 50), { status: "active", expiresAt: at(-1) }, NOW)).toBe(false);
    // Past its own expiry but stored as active: the effective status is expired (lib/inventory/effective-status.ts).
    expect(isAutoRefreshing(token(-10, 50), { status: "active", expiresAt: NOW }, NOW)).toBe(false);
  });

  it("a token living longer than an hour is a rotation matter, refresh token or not", () => {
    expect(isAutoRefreshing(token(-10, 51), live, NOW)).toBe(false);
    expect(isAutoRefreshing(token(0, 60 * 8), live, NOW)).toBe(false);
  });

  it("only OAuth access tokens, and only with both times known and in order", () => {
    expect(isAutoRefreshing(token(-10, 50, "pat"), live, NOW)).toBe(false);
    expect(isAutoRefreshing({ kind: "oauth_access_token", issuedAt: null, expiresAt: at(50) }, live, NOW)).toBe(false);
    expect(isAutoRefreshing({ kind: "oauth_access_token", issuedAt: at(-10), expiresAt: null }, live, NOW)).toBe(false);
    expect(isAutoRefreshing(token(10, -10), live, NOW)).toBe(false);
  });
});
