import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkReportBytes, ContentDigest, parseManifest, REPORT_MANIFEST_FORMAT, signManifest, type TReportManifest } from "@/lib/reports/manifest";

const keys = generateKeyPairSync("ed25519");
const signer = { keyId: "k1", privateKey: keys.privateKey };
const verifyKeys = [{ keyId: "k1", publicKey: keys.publicKey }];

function manifestFor(content: Uint8Array, s = signer): TReportManifest {
  const d = new ContentDigest();
  d.update(content);
  return signManifest(
    {
      format: REPORT_MANIFEST_FORMAT, exportId: "0199a0c0-0000-7000-8000-000000000001", report: "inventory", contentFormat: "csv", filename: "x.csv",
      filters: { risk: "high" }, requestedBy: { id: "u", label: "auditor@x (auditor)", role: "auditor", apiKeyId: null },
      generatedAt: "2026-12-05T00:00:00.000Z", completedAt: "2026-12-05T00:00:01.000Z", rowCount: 2, byteLength: d.byteLength, sha256: d.hex(),
      auditHead: { seq: "7", hash: "a".repeat(64) },
    },
    s,
  );
}

describe("report manifest", () => {
  const content = new TextEncoder().encode("Name,Risk\r\nalpha,high\r\nbeta,low\r\n");

  it("verifies the file it was made for", () => {
    const result = checkReportBytes(manifestFor(content), content, verifyKeys);
    expect(result).toMatchObject({ ok: true, keyId: "k1" });
  });

  it("catches a one-byte change anywhere in the file", () => {
    const manifest = manifestFor(content);
    for (const at of [0, 10, content.length - 1]) {
      const changed = content.slice();
      changed[at] = changed[at]! ^ 0x01;
      const result = checkReportBytes(manifest, changed, verifyKeys);
      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.error).toMatch(/SHA-256.*altered/);
    }
    expect(checkReportBytes(manifest, content.slice(0, -1), verifyKeys)).toMatchObject({ ok: false, error: expect.stringMatching(/bytes.*altered/) });
  });

  it("catches a forged signature, an edited manifest and another key", () => {
    const manifest = manifestFor(content);
    const other = generateKeyPairSync("ed25519");
    const forged = manifestFor(content, { keyId: "k1", privateKey: other.privateKey });
    expect(checkReportBytes(forged, content, verifyKeys)).toMatchObject({ ok: false, error: expect.stringMatching(/signature does not verify/) });
    const edited = { ...manifest, rowCount: 3 };
    expect(checkReportBytes(edited, content, verifyKeys)).toMatchObject({ ok: false, error: expect.stringMatching(/signature does not verify/) });
    const flipped = { ...manifest, signature: Buffer.from(Buffer.from(manifest.signature!, "base64").map((b, i) => (i === 0 ? b ^ 1 : b))).toString("base64") };
    expect(checkReportBytes(flipped, content, verifyKeys)).toMatchObject({ ok: false });
    expect(checkReportBytes(manifest, content, [{ keyId: "k2", publicKey: other.publicKey }])).toMatchObject({ ok: false, error: expect.stringMatching(/not among the keys/) });
    expect(checkReportBytes(manifestFor(content, null as never), content, verifyKeys)).toMatchObject({ ok: false, error: expect.stringMatching(/unsigned/) });
  });

  it("a re-hashed file with a re-signed manifest needs the private key", () => {
    // An attacker who edits the file and updates sha256/byteLength cannot re-sign without the key.
    const manifest = manifestFor(content);
    const changed = new TextEncoder().encode("Name,Risk\r\nalpha,low!\r\nbeta,low\r\n");
    const d = new ContentDigest();
    d.update(changed);
    const patched = { ...manifest, sha256: d.hex(), byteLength: d.byteLength };
    expect(checkReportBytes(patched, changed, verifyKeys)).toMatchObject({ ok: false, error: expect.stringMatching(/signature/) });
  });

  it("refuses what is not a manifest", () => {
    expect(parseManifest("nope")).toMatch(/not JSON/);
    expect(parseManifest("{}")).toMatch(/not a tokenward/);
    expect(parseManifest(JSON.stringify({ format: REPORT_MANIFEST_FORMAT }))).toMatch(/lacks/);
  });
});
