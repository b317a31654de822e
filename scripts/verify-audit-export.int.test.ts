import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAuditSigning } from "@/lib/audit/audit-keys";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import { streamAuditExport } from "@/lib/audit/services/stream-audit-export";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

/**
 * `npm run audit:verify` end to end, as an auditor runs it: a real export (the service behind
 * GET /api/v1/audit/export) written to a file, checked by the CLI in a child process against the
 * public key in a PEM file. Exit codes and messages are the CLI's contract.
 */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const keys = generateKeyPairSync("ed25519");
const signing: TAuditSigning = { signer: { keyId: "cli", privateKey: keys.privateKey }, verifyKeys: [{ keyId: "cli", publicKey: keys.publicKey }], every: 10 };

let database: TTestDatabase;
let dir: string;
let lines: string[];
const pub = () => path.join(dir, "pub.pem");

async function verify(file: string, ...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "audit:verify", "--", file, ...extra], { cwd: root, env: { ...process.env, NODE_NO_WARNINGS: "1" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function write(name: string, content: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${content.join("\n")}\n`);
  return file;
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "tw-audit-cli-"));
  writeFileSync(pub(), String(keys.publicKey.export({ format: "pem", type: "spki" })));
  await database.prisma.$transaction(async (tx) => {
    for (let i = 0; i < 25; i++) await appendAuditEvent(tx, null, { action: "test.event", targetType: "thing", targetId: String(i), summary: { n: i } }, { signing });
  });
  lines = (await new Response(streamAuditExport(database.prisma, { signing })).text()).trimEnd().split("\n");
}, 120_000);

afterAll(async () => {
  await database?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("npm run audit:verify", () => {
  it("exits 0 for an intact export, checked against the public key", async () => {
    const result = await verify(write("ok.ndjson", lines), "--public-key", pub());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✔ intact: 25 events, head #25 [0-9a-f]{64}; 3 signed checkpoints valid, head signed by cli/);
  });

  it("exits 1 and names the event when one line was edited", async () => {
    const tampered = lines.map((l) => (l.includes('"seq":"7","time"') ? l.replace('"n":6', '"n":600') : l));
    expect(tampered).not.toEqual(lines);
    const result = await verify(write("edited.ndjson", tampered), "--public-key", pub());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("✖ BROKEN: event 7 was changed after it was written");
  });

  it("exits 1 when a checkpoint line was dropped, and for another key", async () => {
    const firstCheckpoint = lines.findIndex((l) => l.includes('"type":"checkpoint"'));
    const dropped = await verify(write("dropped.ndjson", lines.filter((_, i) => i !== firstCheckpoint)), "--public-key", pub());
    expect(dropped).toMatchObject({ code: 1, stdout: expect.stringMatching(/BROKEN: checkpoint at event 20 follows the checkpoint at event 10.*removed or reordered/) });
    const other = path.join(dir, "other.pem");
    writeFileSync(other, String(generateKeyPairSync("ed25519").publicKey.export({ format: "pem", type: "spki" })));
    expect(await verify(path.join(dir, "ok.ndjson"), "--public-key", other)).toMatchObject({ code: 1, stdout: expect.stringMatching(/invalid signature/) });
  });

  it("exits 2 with usage when no key is given", async () => {
    const result = await verify(path.join(dir, "ok.ndjson"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/give the public key/);
  });
});
