import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZEnv } from "@/lib/env";
import { decryptSecret, encryptSecret, envelopeKeyId, reencryptSecret, type TKeyring } from "./secrets";

const k1 = { id: "k1", key: randomBytes(32) };
const k2 = { id: "k2", key: randomBytes(32) };
const secret = { clientSecret: "s3cr3t-value" };

describe("connector secrets at rest", () => {
  it("round-trips, and the envelope shows neither the secret nor a fixed IV", () => {
    const a = encryptSecret(secret, "row-1", [k1]);
    const b = encryptSecret(secret, "row-1", [k1]);
    expect(a).not.toContain("s3cr3t");
    expect(a).not.toBe(b);
    expect(envelopeKeyId(a)).toBe("k1");
    expect(decryptSecret(a, "row-1", [k1])).toEqual(secret);
  });

  it("refuses a tampered ciphertext", () => {
    const envelope = encryptSecret(secret, "row-1", [k1]);
    const parts = envelope.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    const tampered = [...parts.slice(0, 3), body.toString("base64url")].join(".");
    expect(() => decryptSecret(tampered, "row-1", [k1])).toThrow(/failed authentication/);
    expect(() => decryptSecret(envelope.slice(0, 30), "row-1", [k1])).toThrow();
    expect(() => decryptSecret("plain text", "row-1", [k1])).toThrow(/format/);
  });

  it("refuses a ciphertext under a key it does not hold, naming the key", () => {
    const envelope = encryptSecret(secret, "row-1", [k2]);
    expect(() => decryptSecret(envelope, "row-1", [k1])).toThrow(/key "k2"/);
  });

  it("refuses a ciphertext moved onto another provider row (AAD)", () => {
    const envelope = encryptSecret(secret, "row-1", [k1]);
    expect(() => decryptSecret(envelope, "row-2", [k1])).toThrow(/failed authentication/);
  });

  it("rotates: an old-key envelope re-encrypts under the current key and still decrypts", () => {
    const old = encryptSecret(secret, "row-1", [k1]);
    const ring: TKeyring = [k2, k1];
    const rotated = reencryptSecret(old, "row-1", ring);
    expect(envelopeKeyId(rotated)).toBe("k2");
    expect(decryptSecret(rotated, "row-1", [k2])).toEqual(secret);
    expect(reencryptSecret(rotated, "row-1", ring)).toBe(rotated);
  });

  it("cannot encrypt without a key", () => {
    expect(() => encryptSecret(secret, "row-1", [])).toThrow(/TOKENWARD_CONNECTOR_KEYS/);
  });
});

describe("TOKENWARD_CONNECTOR_KEYS", () => {
  const parse = (v: string) => ZEnv.safeParse({ TOKENWARD_CONNECTOR_KEYS: v });
  it("parses id:base64 pairs, first is current", () => {
    const r = parse(`new:${k2.key.toString("base64")}, old:${k1.key.toString("base64")}`);
    expect(r.success && r.data.TOKENWARD_CONNECTOR_KEYS.map((k) => k.id)).toEqual(["new", "old"]);
  });
  it.each([
    ["a short key", `k:${randomBytes(16).toString("base64")}`],
    ["no id", randomBytes(32).toString("base64")],
    ["a duplicate id", `k:${k1.key.toString("base64")},k:${k2.key.toString("base64")}`],
  ])("refuses %s", (_what, value) => {
    expect(parse(value).success).toBe(false);
  });
});

describe("logging", () => {
  it("redacts provider secrets and the key list", async () => {
    const { redact } = await import("@/lib/logging/logger");
    const out = JSON.stringify(redact({ secret: { clientSecret: "x1" }, encryptedCredentials: "x2", TOKENWARD_CONNECTOR_KEYS: "x3", config: { issuer: "ok" } }));
    expect(out).not.toMatch(/x1|x2|x3/);
    expect(out).toContain("ok");
  });
});
