import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiToken } from "@/lib/api-keys/token";
import { ZScanReport } from "@/lib/discovery/schemas";
import { opaqueSecret, prng, sampleToken } from "@/lib/discovery/testing/token-samples";

/**
 * `npm run scan` as CI and developers run it: a child process on a temporary tree, its exit codes,
 * its files and streams, and --send against a small HTTP server standing in for Tokenward's
 * POST /api/v1/scans (which does not exist yet): what it receives is checked against the schema.
 */

const repo = path.resolve(import.meta.dirname, "..");
const tsx = path.join(repo, "node_modules/.bin/tsx");
const GHP = sampleToken("github_pat");
const OPAQUE = opaqueSecret(prng(11), 36);
const KEY = generateApiToken().token;
const SECRETS = [GHP, OPAQUE, KEY];

let dir: string;
let dirty: string;
let clean: string;

type TRun = { code: number; stdout: string; stderr: string };
function run(args: string[], env: Record<string, string> = {}): Promise<TRun> {
  return new Promise((resolve) => {
    execFile(tsx, ["scripts/scan.ts", ...args], { cwd: repo, env: { ...process.env, NODE_NO_WARNINGS: "1", ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 99) : 0, stdout, stderr });
    });
  });
}

function expectNoSecret(...texts: string[]) {
  for (const text of texts) for (const secret of SECRETS) expect(text.includes(secret), `secret ${secret.slice(0, 6)}… printed`).toBe(false);
}

type TReceived = { method?: string; url?: string; headers: IncomingHttpHeaders; body: string };
async function fakeTokenward(answer: (req: TReceived) => { status: number; body?: string; headers?: Record<string, string> } | "hang"): Promise<{ server: Server; url: string; received: TReceived[] }> {
  const received: TReceived[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const got = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(got);
      const reply = answer(got);
      if (reply === "hang") return;
      res.writeHead(reply.status, { "Content-Type": "application/json", ...reply.headers });
      res.end(reply.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "tw-scan-cli-"));
  dirty = path.join(dir, "dirty");
  clean = path.join(dir, "clean");
  mkdirSync(path.join(dirty, "repo/.cursor"), { recursive: true });
  writeFileSync(path.join(dirty, "repo/.cursor/mcp.json"), JSON.stringify({ mcpServers: { github: { command: "npx", args: ["-y", "server", `--token=${GHP}`], env: { API_KEY: OPAQUE } } } }));
  writeFileSync(path.join(dirty, ".mcp.json"), "{ not json");
  mkdirSync(path.join(clean, ".vscode"), { recursive: true });
  writeFileSync(path.join(clean, ".vscode/mcp.json"), JSON.stringify({ servers: { gh: { type: "http", url: "https://api.githubcopilot.com/mcp/", headers: { Authorization: "Bearer ${input:pat}" } } } }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run scan", () => {
  it("exits 1 when credentials are found, prints a summary without secrets, writes a valid report", async () => {
    const out = path.join(dir, "report.json");
    const result = await run([dirty, "--out", out, "--label", "dirty-tree"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("2 config files (1 with errors), 1 servers, 2 credentials found, 0 references");
    expect(result.stderr).toContain("github_pat");
    expect(result.stderr).toMatch(/✖ \.mcp\.json \(claude_code\): invalid JSON at line 1/);
    const report = ZScanReport.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(report.root).toBe("dirty-tree");
    expect(report.files.map((f) => f.path)).toEqual([".mcp.json", "repo/.cursor/mcp.json"]);
    expectNoSecret(result.stdout, result.stderr, readFileSync(out, "utf8"));
  }, 60_000);

  it("exits 0 when only references are found, and writes the report to stdout with --out -", async () => {
    const result = await run([clean, "--out", "-"]);
    expect(result.code).toBe(0);
    const report = ZScanReport.parse(JSON.parse(result.stdout));
    expect(report.totals).toMatchObject({ files: 1, findings: 0, references: 1 });
    expect(result.stderr).toContain("reference ${input:pat}");
  }, 60_000);

  it("exits 2 on usage errors and unreadable paths, saying why", async () => {
    const results = await Promise.all([
      run([]),
      run([path.join(dir, "missing")]),
      run([clean, "--send", "http://tokenward.example.com", "--key", KEY]),
      run([clean, "--out", path.join(dir, "no/such/dir/report.json")]),
    ]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(results[0]!.stderr).toMatch(/^give the directory or file to scan\nusage: npm run scan/);
    expect(results[1]!.stderr).toContain("no such file or directory");
    expect(results[2]!.stderr).toContain("refusing to send the report and the API key over plain http://");
    expect(results[3]!.stderr).toContain("cannot write");
    expectNoSecret(...results.flatMap((r) => [r.stdout, r.stderr]));
  }, 60_000);

  it("--send posts the report with the key as a bearer token and prints the answer", async () => {
    const tw = await fakeTokenward(() => ({ status: 201, body: JSON.stringify({ data: { scanId: "s-1", credentials: 2 } }) }));
    try {
      const result = await run([dirty, "--send", `${tw.url}/tokenward`], { TOKENWARD_API_KEY: KEY });
      expect(result.code).toBe(1); // sent, and credentials were found
      expect(tw.received).toHaveLength(1);
      const [req] = tw.received;
      expect(req).toMatchObject({ method: "POST", url: "/tokenward/api/v1/scans" });
      expect(req!.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(req!.headers["content-type"]).toBe("application/json");
      const body = ZScanReport.parse(JSON.parse(req!.body));
      expect(body.totals.findings).toBe(2);
      expect(req!.body.includes(GHP) || req!.body.includes(OPAQUE)).toBe(false);
      expect(result.stderr).toContain(`sent to ${tw.url}/tokenward/api/v1/scans: 201 Created`);
      expect(result.stderr).toContain('"scanId": "s-1"');
      expectNoSecret(result.stdout, result.stderr);
    } finally {
      tw.server.close();
    }
  }, 60_000);

  it("--send exits 2 with the server's refusal, a redirect or a timeout, never following elsewhere", async () => {
    const refusing = await fakeTokenward(() => ({ status: 403, body: JSON.stringify({ error: { code: "FORBIDDEN", message: "This key lacks scan:write" } }) }));
    const redirecting = await fakeTokenward(() => ({ status: 307, headers: { Location: `${refusing.url}/elsewhere` } }));
    const hanging = await fakeTokenward(() => "hang");
    try {
      const [refused, redirected, timedOut] = await Promise.all([
        run([clean, "--send", refusing.url, "--key", KEY]),
        run([clean, "--send", redirecting.url, "--key", KEY]),
        run([clean, "--send", hanging.url, "--key", KEY, "--timeout", "1"]),
      ]);
      expect([refused.code, redirected.code, timedOut.code]).toEqual([2, 2, 2]);
      expect(refused.stderr).toContain("NOT sent");
      expect(refused.stderr).toContain("403 Forbidden");
      expect(refused.stderr).toContain("This key lacks scan:write");
      expect(redirected.stderr).toContain("307: the server redirects");
      expect(refusing.received.map((r) => r.url)).toEqual(["/api/v1/scans"]); // the redirect was not followed
      expect(timedOut.stderr).toContain("no answer within 1 s");
      expectNoSecret(...[refused, redirected, timedOut].flatMap((r) => [r.stdout, r.stderr]));
    } finally {
      for (const s of [refusing, redirecting, hanging]) s.server.closeAllConnections();
      for (const s of [refusing, redirecting, hanging]) s.server.close();
    }
  }, 60_000);
});
