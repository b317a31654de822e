import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZGithubConfig, ZGithubSecret } from "./config";

describe("GitHub connector config and secret", () => {
  it("reads ids typed in a form, defaults the API URL, trims a trailing slash", () => {
    expect(ZGithubConfig.parse({ org: "acme", appId: "914227" })).toEqual({ org: "acme", appId: 914227, apiBaseUrl: "https://api.github.com" });
    expect(ZGithubConfig.parse({ org: "acme", appId: 1, installationId: "42", apiBaseUrl: "https://ghe.acme.test/api/v3/" })).toMatchObject({ installationId: 42, apiBaseUrl: "https://ghe.acme.test/api/v3" });
  });

  it("refuses what cannot be a GitHub org, App ID or API URL, per field", () => {
    const issues = ZGithubConfig.safeParse({ org: "-acme", appId: "abc", installationId: 0, apiBaseUrl: "ftp://x" }).error!.issues.map((i) => i.path.join("."));
    expect(issues.sort()).toEqual(["apiBaseUrl", "appId", "installationId", "org"]);
  });

  it("takes an RSA private key in PEM, PKCS#1 or PKCS#8, and with escaped newlines", () => {
    const pkcs1 = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
    const pkcs8 = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
    expect(ZGithubSecret.parse({ privateKey: pkcs1 }).privateKey).toBe(pkcs1.trim());
    expect(ZGithubSecret.safeParse({ privateKey: pkcs8 }).success).toBe(true);
    expect(ZGithubSecret.parse({ privateKey: pkcs1.replace(/\n/g, "\\n") }).privateKey).toBe(pkcs1.trim());
  });

  it("refuses a missing, garbled, public or non-RSA key without echoing it", () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256", privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    for (const privateKey of [undefined, "", "-----BEGIN RSA PRIVATE KEY-----", ec.privateKey, rsa.publicKey]) {
      const result = ZGithubSecret.safeParse({ privateKey });
      expect(result.success).toBe(false);
      if (typeof privateKey === "string" && privateKey.length > 40) expect(JSON.stringify(result.error)).not.toContain(privateKey.slice(30, 60));
    }
  });
});
