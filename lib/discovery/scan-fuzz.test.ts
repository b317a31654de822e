import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildReport } from "@/lib/discovery/report";
import { scanFile } from "@/lib/discovery/scan-file";
import { ZScanReport } from "@/lib/discovery/schemas";
import { applyDamage, buildConfig, configPlan, damage, knownToken, opaqueToken, print } from "@/lib/discovery/testing/hostile-configs";

/**
 * Property: whatever a config file holds — valid, malformed, truncated, binary, absurdly nested,
 * wrongly typed, with secrets planted in every place a client reads and some it does not —
 * scanFile returns (never throws), the report validates against ZScanReport, and no planted
 * secret appears in the report or in anything written to the console or the standard streams.
 *
 * Known-format tokens are planted anywhere (names, keys, commands, prompts, project paths) and
 * must never show, even in a damaged file. Secrets without a format are planted only where their
 * context names them (API_KEY=, --api-key, ?token=, Bearer …, a password input's default): the
 * scanner has nothing else to know them by. An AWS access key id may appear as a finding's
 * externalId (by design: it is the key's public id), nowhere else.
 */

// FUZZ_RUNS=20000 for a longer hunt; 1,000 per property keeps the suite at a few seconds.
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
// Generous on a loaded 2-core machine; the default run takes about two seconds in all.
const TIMEOUT = 20_000 + RUNS * 5;
let written: string[] = [];
let consoleCalls = 0;

beforeEach(() => {
  written = [];
  consoleCalls = 0;
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) vi.spyOn(console, method).mockImplementation(() => void (consoleCalls += 1));
});

afterEach(() => {
  vi.restoreAllMocks();
});

function scanAndCheck(name: string, content: string | Uint8Array, secrets: readonly string[]): void {
  const file = scanFile(name, content);
  const report = buildReport([file], { scannedAt: new Date(0) });
  const parsed = ZScanReport.safeParse(report);
  if (!parsed.success) throw new Error(`report does not validate: ${parsed.error.issues.slice(0, 2).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  // An AWS access key id is the public half of a key pair: reported as its external id, nowhere else.
  const json = JSON.stringify(report).replace(/"externalId":"[A-Z0-9]+"/g, "");
  for (const secret of secrets) {
    if (json.includes(secret)) throw new Error(`a planted secret (${secret.slice(0, 8)}…) is in the report`);
    if (written.some((w) => w.includes(secret))) throw new Error(`a planted secret (${secret.slice(0, 8)}…) was written out`);
  }
  if (consoleCalls) throw new Error("the scanner wrote to the console");
}

describe("scanFile on generated hostile files", () => {
  it(`well-formed and wrongly shaped configs with planted secrets (${RUNS} files)`, () => {
    fc.assert(
      fc.property(configPlan(fc.oneof(knownToken, opaqueToken)), (plan) => {
        const text = print(buildConfig(plan), plan.style);
        scanAndCheck(plan.file, text, plan.plants.map((p) => p.secret.value));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it(`damaged files: truncated, spliced, bit-flipped, re-encoded (${RUNS} files)`, () => {
    fc.assert(
      fc.property(configPlan(knownToken), damage, (plan, d) => {
        const content = applyDamage(print(buildConfig(plan), plan.style), d);
        scanAndCheck(plan.file, content, plan.plants.map((p) => p.secret.value));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it(`arbitrary text and bytes under every config file name (${RUNS} files)`, () => {
    const names = [".mcp.json", ".claude.json", "claude_desktop_config.json", ".cursor/mcp.json", ".vscode/mcp.json", ".codeium/windsurf/mcp_config.json"];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), fc.json({ maxDepth: 6 }), fc.jsonValue().map((v) => JSON.stringify({ mcpServers: v, servers: v, projects: { "/p": { mcpServers: v } }, inputs: v }))),
        (name, content) => scanAndCheck(name, content, []),
      ),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it("the checks above can fail: a planted secret in an argument the scanner does not recognise is caught", () => {
    // Guards the property itself: a value with no format and no naming context is shown as is.
    expect(() => scanAndCheck(".mcp.json", JSON.stringify({ mcpServers: { a: { args: ["plain-but-secret-Zq81xT0"] } } }), ["plain-but-secret-Zq81xT0"])).toThrow(/is in the report/);
  });
});
