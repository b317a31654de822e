import { describe, expect, it } from "vitest";
// The wording ingestion will answer with (the pipeline installs it).
import "@/lib/errors/zod-messages";
import { fingerprintOf } from "@/lib/connectors/fingerprint";
import { REPORT_LIMITS } from "@/lib/discovery/limits";
import { buildReport } from "@/lib/discovery/report";
import { scanFile } from "@/lib/discovery/scan-file";
import { computeTotals, ZScanReport, type TFinding, type TScanFile, type TScanReport } from "@/lib/discovery/schemas";
import { sampleToken } from "@/lib/discovery/testing/token-samples";

/**
 * The report is the future ingestion API's body: these are the bodies a hostile or broken sender
 * could post, and each must be refused with a message (not a crash, not a partial accept).
 */

const GHP = sampleToken("github_pat");
const finding: TFinding = {
  keyPath: "mcpServers.github.env.GITHUB_TOKEN", location: "env", detector: "github_pat", credentialKind: "pat", providerHint: "github",
  fingerprint: fingerprintOf(GHP), hint: GHP.slice(-4), confidence: "known_format",
};
const file = (over: Partial<TScanFile> = {}): TScanFile => ({
  path: ".cursor/mcp.json", format: "cursor", status: "ok",
  servers: [{ name: "github", transport: "stdio", command: "npx", args: ["-y", "server"], findings: [finding], references: [{ keyPath: "mcpServers.github.env.X", reference: "${env:X}", kind: "env" }] }],
  findings: [],
  ...over,
});
const report = (files: TScanFile[] = [file()]): TScanReport => buildReport(files, { scannedAt: new Date("2026-01-01T00:00:00Z"), root: "~" });

/** A valid report changed by `edit` (totals recomputed unless the edit is about them). */
function variant(edit: (r: TScanReport) => void, keepTotals = false): unknown {
  const r = structuredClone(report());
  edit(r);
  if (!keepTotals) r.totals = computeTotals(r.files);
  return r;
}

const refusal = (input: unknown) => {
  const result = ZScanReport.safeParse(input);
  return result.success ? null : result.error.issues.map((i) => i.message).join("; ");
};

describe("ZScanReport accepts what the scanner writes", () => {
  it("a built report, and one straight from scanFile", () => {
    expect(refusal(report())).toBeNull();
    const scanned = scanFile(".mcp.json", JSON.stringify({ mcpServers: { a: { command: "x", args: [`--token=${GHP}`], env: { T: "${T}" } } } }));
    expect(refusal(report([scanned]))).toBeNull();
    expect(refusal(report([]))).toBeNull();
  });
});

describe("ZScanReport refuses hostile and inconsistent reports", () => {
  it.each<[string, (r: TScanReport) => void, RegExp]>([
    ["an extra key on the report", (r) => Object.assign(r, { secret: GHP }), /"secret" is not a field/],
    ["an extra key on a file", (r) => Object.assign(r.files[0]!, { content: "{}" }), /"content" is not a field/],
    ["an extra key on a server", (r) => Object.assign(r.files[0]!.servers[0]!, { env: { GITHUB_TOKEN: GHP } }), /"env" is not a field/],
    ["an extra key on a finding", (r) => Object.assign(r.files[0]!.servers[0]!.findings[0]!, { value: GHP }), /"value" is not a field/],
    ["a fingerprint in upper case", (r) => (r.files[0]!.servers[0]!.findings[0]!.fingerprint = fingerprintOf(GHP).toUpperCase()), /Fingerprint must be sha256:/],
    ["a fingerprint of another hash", (r) => (r.files[0]!.servers[0]!.findings[0]!.fingerprint = `md5:${"a".repeat(32)}`), /Fingerprint must be sha256:/],
    ["the secret as its fingerprint", (r) => (r.files[0]!.servers[0]!.findings[0]!.fingerprint = GHP), /Fingerprint must be sha256:/],
    ["a hint longer than four characters", (r) => (r.files[0]!.servers[0]!.findings[0]!.hint = GHP.slice(-8)), /Hint must be at most 4/],
    ["an unknown detector", (r) => Object.assign(r.files[0]!.servers[0]!.findings[0]!, { detector: "password_guesser" }), /Detector must be one of/],
    ["a detector contradicting its kind", (r) => (r.files[0]!.servers[0]!.findings[0]!.credentialKind = "client_secret"), /A github_pat finding is a pat/],
    ["a detector contradicting its provider", (r) => (r.files[0]!.servers[0]!.findings[0]!.providerHint = "stripe"), /comes from github/],
    ["a detector contradicting its confidence", (r) => (r.files[0]!.servers[0]!.findings[0]!.confidence = "high_entropy"), /confidence known_format/],
    ["an external id on a GitHub finding", (r) => (r.files[0]!.servers[0]!.findings[0]!.externalId = "AKIA2345678923456789"), /Only AWS access key findings/],
    ["an absolute path", (r) => (r.files[0]!.path = "/home/me/.cursor/mcp.json"), /relative to the scanned root/],
    ["a path climbing out", (r) => (r.files[0]!.path = "../../etc/mcp.json"), /relative to the scanned root/],
    ["a Windows path", (r) => (r.files[0]!.path = "C:\\Users\\me\\mcp.json"), /relative to the scanned root/],
    ["a file listed twice", (r) => r.files.push(structuredClone(r.files[0]!)), /Each file appears once/],
    ["a control character", (r) => (r.files[0]!.servers[0]!.name = "a\nb"), /must not contain control/],
    ["a bidirectional override", (r) => (r.files[0]!.servers[0]!.command = "\u202Eexe.txt"), /bidirectional/],
    ["a reference with its default", (r) => (r.files[0]!.servers[0]!.references[0]!.reference = "${X:-ghp_default}"), /Reference must be/],
    ["an input reference named env", (r) => (r.files[0]!.servers[0]!.references[0]!.reference = "${input:x}"), /kind must be input exactly/],
    ["an error file with servers", (r) => Object.assign(r.files[0]!, { status: "error", error: "bad" }), /has no servers or findings/],
    ["an error file without its error", (r) => (r.files[0]!.status = "error"), /error message/],
    ["an unknown format", (r) => Object.assign(r.files[0]!, { format: "emacs" }), /Format must be one of/],
    ["another version", (r) => Object.assign(r, { version: 2 }), /Version must be 1/],
    ["a date that is not one", (r) => (r.scannedAt = "yesterday"), /Scanned at must be a date/],
  ])("%s", (_what, edit, message) => {
    expect(refusal(variant(edit))).toMatch(message);
  });

  it("refuses totals that do not match the content", () => {
    expect(refusal(variant((r) => (r.totals.findings = 0), true))).toMatch(/Totals must match/);
    expect(refusal(variant((r) => (r.totals.byDetector = { github_pat: 2 }), true))).toMatch(/Totals must match/);
    expect(refusal(variant((r) => (r.totals.byDetector = { github_pat: 1, slack_bot_token: 1 }), true))).toMatch(/Totals must match/);
  });

  it("refuses oversized reports at every level", () => {
    const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
    const cases: [string, unknown, RegExp][] = [
      ["files", variant((r) => (r.files = many(REPORT_LIMITS.files + 1, (i) => file({ path: `r${i}/.mcp.json`, servers: [] })))), /Files: at most 1000/],
      ["servers", variant((r) => (r.files[0]!.servers = many(REPORT_LIMITS.serversPerFile + 1, () => structuredClone(r.files[0]!.servers[0]!)))), /Servers: at most 200/],
      ["findings", variant((r) => (r.files[0]!.servers[0]!.findings = many(REPORT_LIMITS.findingsPerServer + 1, () => finding))), /Findings: at most 100/],
      ["args", variant((r) => (r.files[0]!.servers[0]!.args = many(REPORT_LIMITS.argsPerServer + 1, () => "x"))), /Arguments: at most 64/],
      ["a long name", variant((r) => (r.files[0]!.servers[0]!.name = "n".repeat(201))), /Server name must have at most 200/],
      ["a long URL", variant((r) => (r.files[0]!.servers[0]!.url = `https://x/${"a".repeat(2048)}`)), /URL must have at most 2048/],
      ["a long key path", variant((r) => (r.files[0]!.servers[0]!.findings[0]!.keyPath = "k".repeat(513))), /Key path must have at most 512/],
      ["a huge notes list", variant((r) => (r.notes = many(21, () => "n"))), /Notes: at most 20/],
    ];
    for (const [what, input, message] of cases) expect(refusal(input), what).toMatch(message);
  });

  it("refuses more findings in total than a report holds, even when each file is within bounds", () => {
    const full = file({ servers: Array.from({ length: 200 }, (_, s) => ({ name: `s${s}`, transport: "stdio" as const, findings: Array.from({ length: 100 }, () => finding), references: [] })) });
    const input = variant((r) => (r.files = [full, { ...full, path: "b/.mcp.json" }]));
    expect(refusal(input)).toMatch(/A report holds at most 10000 servers|A report holds at most 20000 findings/);
  });

  it("answers anything that is not a report with messages, not a crash", () => {
    for (const input of [null, 42, "report", [], {}, { version: 1 }, { files: "x" }]) expect(refusal(input)).toEqual(expect.any(String));
  });
});

describe("buildReport", () => {
  it("names each file once even when two shown paths collide", () => {
    const a = scanFile("x/.mcp.json", "{}");
    const built = buildReport([a, a, a], { scannedAt: new Date(0) });
    expect(built.files.map((f) => f.path)).toEqual(["x/.mcp.json", "x/.mcp.json (2)", "x/.mcp.json (3)"]);
    expect(refusal(built)).toBeNull();
  });

  it("keeps a report within its totals, with a note, when a tree holds more", () => {
    const many = Array.from({ length: REPORT_LIMITS.files + 5 }, (_, i) => scanFile(`r${i}/.mcp.json`, "{}"));
    const built = buildReport(many, { scannedAt: new Date(0) });
    expect(built.files).toHaveLength(REPORT_LIMITS.files);
    expect(built.notes).toEqual([expect.stringMatching(/^the report holds 1000 of 1005 files/)]);
    expect(refusal(built)).toBeNull();
  });
});
