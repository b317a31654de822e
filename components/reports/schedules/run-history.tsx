import { Download } from "lucide-react";
import { ManifestLink } from "@/components/reports/manifest-link";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { reportRunDownloadHref } from "@/lib/reports/schedules/links";
import type { TRunRow } from "@/lib/reports/schedules/queries";
import { RunStatusBadge } from "./status-badge";

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const size = (bytes: number | null) => (bytes === null ? "" : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** A schedule's runs, newest first: the file and its manifest while retention keeps them, or why not. */
export function RunHistory({ runs }: { runs: TRunRow[] }) {
  if (runs.length === 0) return <p className="text-ui text-muted-foreground">No runs yet. The first one comes at the next scheduled time, or use Run now.</p>;
  return (
    <Table label="Runs" data-testid="run-history">
      <THead>
        <TR>
          <TH>Started</TH>
          <TH>Status</TH>
          <TH>Rows</TH>
          <TH>Mail</TH>
          <TH>File</TH>
        </TR>
      </THead>
      <TBody>
        {runs.map((r) => (
          <TR key={r.id} data-testid="run-row">
            <TD>
              <span className="whitespace-nowrap">{utc(r.startedAt)}</span>
              <span className="block text-ui text-muted-foreground">{r.trigger === "manual" ? "run now" : "scheduled"}</span>
            </TD>
            <TD>
              <RunStatusBadge status={r.status} />
              {r.error ? <span className="mt-1 block max-w-md text-ui text-danger">{r.error}</span> : null}
            </TD>
            <TD>{r.rowCount?.toLocaleString("en") ?? ""}</TD>
            <TD>
              {r.status === "succeeded" ? (r.mailError ? <span className="text-ui text-warning">{r.mailed ? `${r.mailed} sent; ` : ""}{r.mailError}</span> : `${r.mailed} sent`) : ""}
            </TD>
            <TD>
              {r.status !== "succeeded" ? null : r.purgedAt ? (
                <span className="text-ui text-muted-foreground">removed by retention</span>
              ) : (
                <span className="flex flex-wrap items-center gap-3 text-ui">
                  <a href={reportRunDownloadHref(r.id)} download className="inline-flex items-center gap-1 font-medium text-primary hover:underline" data-testid="run-download">
                    <Download aria-hidden className="size-3.5" />
                    {r.fileName} <span className="font-normal whitespace-nowrap text-muted-foreground">({size(r.byteLength)})</span>
                  </a>
                  <ManifestLink exportId={r.id} />
                </span>
              )}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
