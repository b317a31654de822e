import { describe, expect, it } from "vitest";
import { buildReport } from "@/lib/discovery/report";
import { scanFile } from "@/lib/discovery/scan-file";
import { sampleToken } from "@/lib/discovery/testing/token-samples";
import { ZIngestScanReport, ZUploadScanFiles } from "@/lib/scans/schemas";

const TOKEN = sampleToken("github_pat", 7);
const report = () =>
  buildReport(
    [
      scanFile(".vscode/mcp.json", JSON.stringify({ inputs: [{ id: "pat", type: "promptString", password: true }], servers: { gh: { command: "npx", env: { GITHUB_TOKEN: TOKEN } } } })),
    ],
    { scannedAt: new Date("2026-12-01T00:00:00Z") },
  );

describe("ZIngestScanReport", () => {
  it("accepts a scanner's report, an input's password flag included", () => {
    const r = report();
    expect(r.files[0]!.inputs?.[0]?.password).toBe(true);
    expect(ZIngestScanReport.safeParse(r).success).toBe(true);
  });

  it.each(["value", "secret", "token", "password", "rawValue", "plaintext"])("refuses a text field named %s anywhere, naming its path, without echoing it", (key) => {
    const r = structuredClone(report()) as unknown as { files: { servers: Record<string, unknown>[] }[] };
    r.files[0]!.servers[0]![key] = TOKEN;
    const parsed = ZIngestScanReport.safeParse(r);
    expect(parsed.success).toBe(false);
    const message = parsed.error!.issues[0]!.message;
    expect(message).toContain(`files.0.servers.0.${key}`);
    expect(message).toMatch(/raw secret field/);
    expect(JSON.stringify(parsed.error!.issues)).not.toContain(TOKEN);
  });
});

describe("ZUploadScanFiles", () => {
  it("refuses no files, too many, non-base64 content and control characters in names", () => {
    expect(ZUploadScanFiles.safeParse({ files: [] }).error?.issues[0]?.message).toMatch(/at least one/);
    expect(ZUploadScanFiles.safeParse({ files: Array.from({ length: 51 }, () => ({ name: "a.json", contentBase64: "" })) }).success).toBe(false);
    expect(ZUploadScanFiles.safeParse({ files: [{ name: "a.json", contentBase64: "not base64!" }] }).error?.issues[0]?.message).toMatch(/base64/);
    expect(ZUploadScanFiles.safeParse({ files: [{ name: "a\u202e.json", contentBase64: "" }] }).error?.issues[0]?.message).toMatch(/control/);
  });
});
