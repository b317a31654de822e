"use client";

import { FileUp } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { apiPost } from "@/lib/client/api";
import type { TIngestResult } from "@/lib/scans/services/ingest-scan-report";

/**
 * Upload MCP client configs (or zips of them): the files go to POST /api/v1/scans/uploads as base64
 * in JSON, are scanned there in memory, and come back as one result row per config file.
 */

const FORMAT_LABEL: Record<string, string> = {
  claude_desktop: "Claude Desktop", claude_code: "Claude Code (.mcp.json)", claude_code_user: "Claude Code (~/.claude.json)",
  cursor: "Cursor", vscode: "VS Code", windsurf: "Windsurf",
};
const MAX_BYTES = 8 * 1024 * 1024;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ScanUpload() {
  const inputId = useId();
  const router = useRouter();
  const [files, setFiles] = useState<File[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TIngestResult | null>(null);

  const total = files.reduce((n, f) => n + f.size, 0);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (files.length === 0) return setError("Choose one or more config files or a .zip.");
    if (total > MAX_BYTES) return setError(`The files add up to ${(total / 1024 / 1024).toFixed(1)} MB; one upload takes at most 8 MB.`);
    setPending(true);
    try {
      const body = { files: await Promise.all(files.map(async (f) => ({ name: f.name, contentBase64: await toBase64(f) }))) };
      const answer = await apiPost<{ data: TIngestResult }>("/api/v1/scans/uploads", body);
      setResult(answer.data);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "The upload failed.");
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={submit} className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4" data-testid="scan-upload-form">
        <label htmlFor={inputId} className="text-ui font-medium">
          Config files or .zip archives
        </label>
        <p className="text-xs text-muted-foreground">
          claude_desktop_config.json, .mcp.json, .claude.json, .cursor/mcp.json, .vscode/mcp.json, mcp_config.json — or a zip of a home or repo directory (only those files are read).
          Files are scanned in memory and never stored; only fingerprints and 4-character hints of what they hold are kept.
        </p>
        <input
          id={inputId}
          type="file"
          multiple
          accept=".json,.zip,application/json,application/zip"
          onChange={(e) => {
            setFiles([...(e.target.files ?? [])]);
            setResult(null);
          }}
          className="text-ui file:mr-3 file:rounded-md file:border file:border-border-strong file:bg-surface file:px-3 file:py-1.5 file:text-ui file:text-foreground"
          data-testid="scan-upload-input"
        />
        {files.length > 0 ? (
          <p className="text-xs text-muted-foreground">
            {files.length} {files.length === 1 ? "file" : "files"}, {(total / 1024).toFixed(1)} kB
          </p>
        ) : null}
        <div>
          <Button type="submit" size="sm" variant="primary" disabled={pending || files.length === 0} data-testid="scan-upload-submit">
            <FileUp aria-hidden />
            {pending ? "Scanning…" : "Scan and ingest"}
          </Button>
        </div>
        <InlineError message={error ?? undefined} testId="scan-upload-error" />
      </form>
      {result ? <ScanResult result={result} /> : null}
    </div>
  );
}

function ScanResult({ result }: { result: TIngestResult }) {
  return (
    <section aria-labelledby="scan-result-title" className="flex flex-col gap-3" data-testid="scan-result">
      <h2 id="scan-result-title" className="text-base font-semibold">
        Result
      </h2>
      <Alert tone="info" title={`${result.exposures.created} new exposures, ${result.exposures.seenAgain} seen again${result.exposures.reopened ? `, ${result.exposures.reopened} re-opened` : ""}`}>
        {result.credentials.matched} matched to inventory credentials, {result.credentials.created} new credentials found only by scanning
        {result.credentials.alreadyFromScan ? ` (${result.credentials.alreadyFromScan} known from earlier scans)` : ""}; {result.servers.created} new MCP servers,{" "}
        {result.servers.existing} already known. <Link className="text-primary hover:underline" href="/exposures">Open Exposures</Link>
      </Alert>
      <Table label="Scanned files" data-testid="scan-result-table">
        <THead>
          <tr>
            <TH>File</TH>
            <TH>Format detected</TH>
            <TH className="text-right">Servers</TH>
            <TH className="text-right">Credentials found</TH>
            <TH>Matched to inventory</TH>
            <TH>Error</TH>
          </tr>
        </THead>
        <TBody>
          {result.files.map((f) => (
            <TR key={f.path} data-testid="scan-result-row">
              <TD className="min-w-48 [overflow-wrap:anywhere]">
                <code className="text-xs">{f.path}</code>
              </TD>
              <TD className="whitespace-nowrap">{FORMAT_LABEL[f.format] ?? f.format}</TD>
              <TD className="text-right tabular-nums">{f.servers}</TD>
              <TD className="text-right tabular-nums">{f.credentials}</TD>
              <TD className="min-w-40">
                {f.status === "error" ? (
                  <span className="text-muted-foreground">—</span>
                ) : f.matched === 0 ? (
                  <span className="text-muted-foreground">none</span>
                ) : (
                  <ul className="flex flex-col gap-0.5">
                    {f.matchedCredentials.map((c) => (
                      <li key={c.id}>
                        <Link className="text-primary hover:underline" href={`/inventory/${c.id}`}>
                          {c.name}
                        </Link>
                      </li>
                    ))}
                    {f.matched > f.matchedCredentials.length ? <li className="text-xs text-muted-foreground">and {f.matched - f.matchedCredentials.length} more</li> : null}
                  </ul>
                )}
              </TD>
              <TD className="min-w-40">{f.status === "error" ? <Badge tone="danger" className="whitespace-normal">{f.error}</Badge> : <span className="text-muted-foreground">—</span>}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </section>
  );
}
