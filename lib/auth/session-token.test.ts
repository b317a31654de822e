import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { cachedDecode, decodedSessionCount, readSession, sessionTooOld, usesSecureCookie } from "@/lib/auth/session-token";

const SECRET = "test-secret-0123456789abcdef0123456789abcdef";
const UID = "0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";

async function cookieFor(name: string, token: Record<string, unknown>, options: { secret?: string; maxAge?: number } = {}) {
  const value = await encode({ token, secret: options.secret ?? SECRET, salt: name, maxAge: options.maxAge });
  return `${name}=${value}`;
}

const SAT = Date.UTC(2026, 11, 3, 9);
/** The user id readSession found, or null (most cases only care whether the session is accepted). */
const read = async (cookie: string | null, extra: Record<string, string> = {}, authUrl?: string, options: { secret?: string } = { secret: SECRET }) =>
  (await readSession(new Headers({ ...(cookie ? { cookie } : {}), ...extra }), { secret: options.secret, authUrl }))?.userId ?? null;

describe("readSession", () => {
  it("returns the session version and sign-in time with the user id", async () => {
    const cookie = await cookieFor(PLAIN, { uid: UID, sv: 3, sat: SAT });
    expect(await readSession(new Headers({ cookie }), { secret: SECRET, authUrl: "http://localhost:3000" })).toEqual({ userId: UID, sessionVersion: 3, signedInAt: SAT });
  });

  it("refuses a token without a session version or sign-in time: it could not be revoked", async () => {
    expect(await read(await cookieFor(PLAIN, { uid: UID }), {}, "http://localhost:3000")).toBeNull();
    expect(await read(await cookieFor(PLAIN, { uid: UID, sv: 0 }), {}, "http://localhost:3000")).toBeNull();
    expect(await read(await cookieFor(PLAIN, { uid: UID, sat: SAT }), {}, "http://localhost:3000")).toBeNull();
    expect(await read(await cookieFor(PLAIN, { uid: UID, sv: "0", sat: SAT }), {}, "http://localhost:3000")).toBeNull();
  });

  it("reads the user id from a cookie Auth.js issued over http", async () => {
    expect(await read(await cookieFor(PLAIN, { uid: UID, sv: 0, sat: SAT }), { "x-forwarded-proto": "http" })).toBe(UID);
  });

  it("uses the __Secure- cookie (and salt) when Auth.js runs on https, and ignores the plain one", async () => {
    const secure = await cookieFor(SECURE, { uid: UID, sv: 0, sat: SAT });
    expect(await read(secure, {}, "https://tokenward.example")).toBe(UID);
    const plain = await cookieFor(PLAIN, { uid: UID, sv: 0, sat: SAT });
    expect(await read(plain, {}, "https://tokenward.example")).toBeNull();
  });

  it("rejects a token encrypted for another cookie name (salt) or with another secret", async () => {
    const wrongSalt = `${PLAIN}=${await encode({ token: { uid: UID, sv: 0, sat: SAT }, secret: SECRET, salt: SECURE })}`;
    expect(await read(wrongSalt, {}, "http://localhost:3000")).toBeNull();
    expect(await read(await cookieFor(PLAIN, { uid: UID, sv: 0, sat: SAT }, { secret: `${SECRET}-other` }), {}, "http://localhost:3000")).toBeNull();
  });

  it("rejects an expired token", async () => {
    const cookie = await cookieFor(PLAIN, { uid: UID, sv: 0, sat: SAT }, { maxAge: -60 });
    expect(await read(cookie, {}, "http://localhost:3000")).toBeNull();
  });

  it("rejects tampered, garbage and missing cookies", async () => {
    const cookie = await cookieFor(PLAIN, { uid: UID, sv: 0, sat: SAT });
    const tampered = cookie.slice(0, -4) + (cookie.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await read(tampered, {}, "http://localhost:3000")).toBeNull();
    expect(await read(`${PLAIN}=not-a-jwe`, {}, "http://localhost:3000")).toBeNull();
    expect(await read(null, {}, "http://localhost:3000")).toBeNull();
  });

  it("never reads the token from an Authorization header", async () => {
    const value = (await cookieFor(PLAIN, { uid: UID, sv: 0, sat: SAT })).split("=")[1]!;
    expect(await read(null, { authorization: `Bearer ${value}` }, "http://localhost:3000")).toBeNull();
  });

  it("fails closed without a secret, and on a token without a string uid", async () => {
    expect(await read(await cookieFor(PLAIN, { uid: UID, sv: 0, sat: SAT }), {}, "http://localhost:3000", {})).toBeNull();
    expect(await read(await cookieFor(PLAIN, { uid: 42, sv: 0, sat: SAT }), {}, "http://localhost:3000")).toBeNull();
    expect(await read(await cookieFor(PLAIN, { sub: UID, sv: 0, sat: SAT }), {}, "http://localhost:3000")).toBeNull();
  });
});

describe("sessionTooOld", () => {
  it("ends a session after the absolute lifetime however active it was, and refuses sign-in times in the future", () => {
    expect(sessionTooOld(SAT, 12, SAT + 11 * 3_600_000)).toBe(false);
    expect(sessionTooOld(SAT, 12, SAT + 12 * 3_600_000)).toBe(true);
    expect(sessionTooOld(SAT + 3_600_000, 12, SAT)).toBe(true);
    expect(sessionTooOld(Number.NaN, 12, SAT)).toBe(true);
  });
});

describe("usesSecureCookie", () => {
  it("follows AUTH_URL first, then x-forwarded-proto, and defaults to https as Auth.js does", () => {
    expect(usesSecureCookie(new Headers({ "x-forwarded-proto": "http" }), "https://a.example")).toBe(true);
    expect(usesSecureCookie(new Headers({ "x-forwarded-proto": "https" }), "http://localhost:3000")).toBe(false);
    expect(usesSecureCookie(new Headers({ "x-forwarded-proto": "http" }), undefined)).toBe(false);
    expect(usesSecureCookie(new Headers(), undefined)).toBe(true);
  });
});

describe("the decrypted-token cache", () => {
  it("decrypts a token once, and answers the same claims after", async () => {
    const cookie = await cookieFor(PLAIN, { uid: UID, sv: 7, sat: SAT });
    const before = decodedSessionCount();
    const first = await readSession(new Headers({ cookie }), { secret: SECRET, authUrl: "http://localhost:3000" });
    expect(decodedSessionCount()).toBe(before + 1);
    const second = await readSession(new Headers({ cookie }), { secret: SECRET, authUrl: "http://localhost:3000" });
    expect(second).toEqual(first);
    expect(decodedSessionCount()).toBe(before + 1);
  });

  it("is keyed by the secret too: a cached token does not open under another secret", async () => {
    const cookie = await cookieFor(PLAIN, { uid: UID, sv: 1, sat: SAT });
    expect(await read(cookie, {}, "http://localhost:3000")).toBe(UID);
    expect(await read(cookie, {}, "http://localhost:3000", { secret: `${SECRET}-rotated` })).toBeNull();
  });

  it("never answers from the cache past the token's own expiry", async () => {
    const value = await encode({ token: { uid: UID, sv: 1, sat: SAT }, secret: SECRET, salt: PLAIN, maxAge: 60 });
    const params = { token: value, secret: SECRET, salt: PLAIN };
    const claims = await cachedDecode(params);
    expect(claims?.uid).toBe(UID);
    expect(await cachedDecode(params, ((claims!.exp as number) - 1) * 1000)).toEqual(claims);
    expect(await cachedDecode(params, (claims!.exp as number) * 1000)).toBeNull();
  });

  it("keeps nothing for a token that does not decrypt (a flood of junk cookies grows nothing)", async () => {
    const cookie = await cookieFor(PLAIN, { uid: UID, sv: 1, sat: SAT });
    const before = decodedSessionCount();
    for (let i = 0; i < 20; i++) expect(await read(`${cookie.slice(0, -4)}${String(i).padStart(4, "x")}`, {}, "http://localhost:3000")).toBeNull();
    expect(decodedSessionCount()).toBe(before);
  });
});
