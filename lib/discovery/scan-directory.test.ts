import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanDirectory } from "@/lib/discovery/scan-directory";
import { ZScanReport, type TScanReport } from "@/lib/discovery/schemas";
import { opaqueSecret, prng, sampleToken } from "@/lib/discovery/testing/token-samples";

const GHP = sampleToken("github_pat");
const SLACK = sampleToken("slack_bot_token");
const OPAQUE = opaqueSecret(prng(5), 40);

let root: string;
let outside: string;
let report: TScanReport;
let hasFifo = false;

function write(rel: string, content: string | Buffer) {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "tw-scan-"));
  outside = mkdtempSync(path.join(tmpdir(), "tw-scan-outside-"));
  // A home directory with clients' user configs and two checkouts, one nested inside the other.
  write(".claude.json", JSON.stringify({ mcpServers: { gh: { command: "npx", env: { GITHUB_TOKEN: GHP } } } }));
  write(".cursor/mcp.json", JSON.stringify({ mcpServers: { slack: { command: "npx", env: { SLACK_BOT_TOKEN: SLACK } } } }));
  write(".codeium/windsurf/mcp_config.json", JSON.stringify({ mcpServers: { remote: { serverUrl: "https://mcp.example.com/mcp" } } }));
  write(".config/Claude/claude_desktop_config.json", JSON.stringify({ mcpServers: { fs: { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem"] } } }));
  write(".config/Code/User/mcp.json", JSON.stringify({ servers: { a: { type: "http", url: "https://a.example.com/mcp", headers: { "X-API-Key": OPAQUE } } } }));
  write("code/web/.mcp.json", JSON.stringify({ mcpServers: { api: { type: "http", url: "https://api.example.com/mcp", headers: { Authorization: "Bearer ${API_TOKEN}" } } } }));
  write("code/web/.vscode/mcp.json", "{ // comment\n \"servers\": {}, }");
  write("code/web/packages/inner/.cursor/mcp.json", JSON.stringify({ mcpServers: { inner: { url: `https://inner.example.com/sse?token=${OPAQUE}` } } }));
  // Hostile and odd files, each named like a config.
  write("code/web/node_modules/pkg/.mcp.json", JSON.stringify({ mcpServers: { dep: { env: { GITHUB_TOKEN: GHP } } } }));
  write("hostile/binary/.mcp.json", Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x7d]));
  write("hostile/huge/.cursor/mcp.json", Buffer.alloc(5 * 1024 * 1024, 0x20));
  write("hostile/deep/.mcp.json", `${"[".repeat(10_000)}${"]".repeat(10_000)}`);
  write("hostile/wrong-type/.mcp.json", JSON.stringify({ mcpServers: "github" }));
  write("hostile/not-a-config/mcp.json", JSON.stringify({ mcpServers: { x: { env: { GITHUB_TOKEN: GHP } } } }));
  write("hostile/bad-json/claude_desktop_config.json", `{"mcpServers": {"a": {"env": {"T": "${GHP}"`);
  // A symlink loop, a link back up to the root, a broken link, links out of the root.
  mkdirSync(path.join(root, "hostile/loop"), { recursive: true });
  symlinkSync(path.join(root, "hostile/loop"), path.join(root, "hostile/loop/self"));
  symlinkSync(root, path.join(root, "hostile/loop/up"));
  symlinkSync(path.join(root, "nowhere/.mcp.json"), path.join(root, "hostile/loop/.mcp.json"));
  mkdirSync(path.join(root, "hostile/self/.cursor"), { recursive: true });
  symlinkSync(path.join(root, "hostile/self/.cursor/mcp.json"), path.join(root, "hostile/self/.cursor/mcp.json"));
  writeFileSync(path.join(outside, ".mcp.json"), JSON.stringify({ mcpServers: { out: { env: { GITHUB_TOKEN: GHP } } } }));
  symlinkSync(outside, path.join(root, "hostile/outside-dir"));
  mkdirSync(path.join(root, "hostile/outside-file"));
  symlinkSync(path.join(outside, ".mcp.json"), path.join(root, "hostile/outside-file/.mcp.json"));
  // A symlinked config inside the root is followed (dotfile managers link them).
  write("dotfiles/cursor-mcp.json", JSON.stringify({ mcpServers: { linked: { command: "npx" } } }));
  mkdirSync(path.join(root, "linked/.cursor"), { recursive: true });
  symlinkSync(path.join(root, "dotfiles/cursor-mcp.json"), path.join(root, "linked/.cursor/mcp.json"));
  try {
    mkdirSync(path.join(root, "hostile/fifo"), { recursive: true });
    execFileSync("mkfifo", [path.join(root, "hostile/fifo/.mcp.json")]);
    hasFifo = true;
  } catch {
    // No mkfifo here: that case is skipped.
  }
  report = await scanDirectory(root, { label: "home", now: () => new Date("2026-02-03T04:05:06Z") });
}, 30_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const byPath = (p: string) => report.files.find((f) => f.path === p);

describe("scanDirectory", () => {
  it("produces a report that validates and holds no secret", () => {
    expect(ZScanReport.safeParse(report).success).toBe(true);
    const json = JSON.stringify(report);
    for (const secret of [GHP, SLACK, OPAQUE]) expect(json).not.toContain(secret);
    expect(report).toMatchObject({ version: 1, root: "home", scannedAt: "2026-02-03T04:05:06.000Z" });
  });

  it("finds the five formats by name and place, in nested checkouts too", () => {
    expect(report.files.filter((f) => f.status === "ok").map((f) => [f.path, f.format])).toEqual([
      [".claude.json", "claude_code_user"],
      [".codeium/windsurf/mcp_config.json", "windsurf"],
      [".config/Claude/claude_desktop_config.json", "claude_desktop"],
      [".config/Code/User/mcp.json", "vscode"],
      [".cursor/mcp.json", "cursor"],
      ["code/web/.mcp.json", "claude_code"],
      ["code/web/.vscode/mcp.json", "vscode"],
      ["code/web/packages/inner/.cursor/mcp.json", "cursor"],
      ["linked/.cursor/mcp.json", "cursor"],
    ]);
    expect(report.totals).toMatchObject({ servers: 8, findings: 4, references: 1 });
  });

  it("gives each hostile file its own error and goes on", () => {
    expect(byPath("hostile/binary/.mcp.json")?.error).toBe("binary content (NUL bytes); not read");
    expect(byPath("hostile/huge/.cursor/mcp.json")?.error).toBe("file is 5.0 MB, over the 1.0 MB limit; not read");
    expect(byPath("hostile/deep/.mcp.json")?.error).toMatch(/^nested deeper than 64 levels/);
    expect(byPath("hostile/wrong-type/.mcp.json")?.error).toBe("mcpServers is a string, expected an object (line 1, column 15)");
    expect(byPath("hostile/bad-json/claude_desktop_config.json")?.error).toMatch(/^invalid JSON at line 1/);
    expect(byPath("hostile/loop/.mcp.json")?.error).toBe("broken symbolic link; not read");
    expect(byPath("hostile/self/.cursor/mcp.json")?.error).toBe("symbolic link loop; not read");
    expect(byPath("hostile/outside-file/.mcp.json")?.error).toBe("symbolic link to outside the scanned root; not followed");
    if (hasFifo) expect(byPath("hostile/fifo/.mcp.json")?.error).toBe("not a regular file (a FIFO, socket or device); not read");
  });

  it("ends symlink loops, stays inside the root and skips dependency folders", () => {
    expect(report.files.some((f) => f.path.includes("node_modules"))).toBe(false);
    expect(report.files.some((f) => f.path.startsWith("hostile/loop/self") || f.path.startsWith("hostile/loop/up"))).toBe(false);
    expect(report.files.some((f) => f.path.startsWith("hostile/outside-dir"))).toBe(false);
    expect(byPath("hostile/not-a-config/mcp.json")).toBeUndefined();
    expect(report.notes).toEqual([expect.stringMatching(/^2 symbolic links lead outside the scanned root/)]);
  });

  it("stops at the depth limit and says so", async () => {
    const deep = await scanDirectory(root, { maxDepth: 2 });
    expect(deep.files.map((f) => f.path)).not.toContain("code/web/packages/inner/.cursor/mcp.json");
    expect(deep.notes).toContainEqual(expect.stringMatching(/directories deeper than 2 levels were not entered$/));
  });

  it("scans a single file given as the root", async () => {
    const single = await scanDirectory(path.join(root, ".cursor/mcp.json"));
    expect(single.files.map((f) => [f.path, f.format, f.servers.length])).toEqual([["mcp.json", "cursor", 1]]);
  });

  it("fails loudly for a root that does not exist", async () => {
    await expect(scanDirectory(path.join(root, "missing"))).rejects.toThrow(/ENOENT/);
  });
});
