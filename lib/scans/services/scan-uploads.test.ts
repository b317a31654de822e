import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isZip, safeEntryPath, scanUploads } from "@/lib/scans/services/scan-uploads";
import { sampleToken } from "@/lib/discovery/testing/token-samples";

const b64 = (x: string | Uint8Array) => Buffer.from(x).toString("base64");

describe("safeEntryPath", () => {
  it.each([
    ["home/.cursor/mcp.json", "home/.cursor/mcp.json"],
    ["./a/./.mcp.json", "a/.mcp.json"],
  ])("keeps %s as %s", (name, path) => expect(safeEntryPath(name)).toEqual({ ok: true, path }));
  it.each(["../.mcp.json", "a/../../.mcp.json", "/etc/.mcp.json", "C:/x/.mcp.json", "a\\..\\.mcp.json", "", "./"])("refuses %j", (name) => {
    expect(safeEntryPath(name).ok).toBe(false);
  });
});

describe("scanUploads", () => {
  it("detects zips by magic bytes, not by name", () => {
    expect(isZip("x.json", zipSync({ a: strToU8("x") }))).toBe(true);
    expect(isZip("x.zip", strToU8("{}"))).toBe(false);
  });

  it("scans plain files and zip entries into one valid report with no secret in it", () => {
    const token = sampleToken("github_pat", 3);
    const config = JSON.stringify({ mcpServers: { gh: { command: "npx", env: { GITHUB_TOKEN: token } } } });
    const report = scanUploads(
      { files: [{ name: ".mcp.json", contentBase64: b64(config) }, { name: "all.zip", contentBase64: b64(zipSync({ "p/.cursor/mcp.json": strToU8(config), "p/readme.md": strToU8(token) })) }, { name: "..", contentBase64: b64("{}") }] },
      new Date(),
    );
    expect(report.files.map((f) => [f.path, f.format])).toEqual([[".mcp.json", "claude_code"], ["all.zip!p/.cursor/mcp.json", "cursor"], ["_", "claude_code"]]);
    expect(report.notes).toEqual(["all.zip: 1 entries that are not MCP client configs were skipped unread"]);
    expect(JSON.stringify(report)).not.toContain(token);
  });

  it("refuses an upload over the total size", () => {
    const big = b64(new Uint8Array(4 * 1024 * 1024));
    expect(() => scanUploads({ files: [{ name: "a.json", contentBase64: big }, { name: "b.json", contentBase64: big }, { name: "c.json", contentBase64: b64("{}") }] }, new Date())).toThrow(/over the 8 MB limit/);
  });
});
