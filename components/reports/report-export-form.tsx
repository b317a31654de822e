"use client";

import { Download } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { FieldHint, Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { cn } from "@/components/ui/cn";
import { ManifestLink } from "@/components/reports/manifest-link";
import { startReportDownload, type TStartedExport } from "@/components/reports/start-download";
import { describeIssues, parseCredentialListQuery } from "@/lib/inventory/query-params";
import { FORMAT_LABELS, REPORT_FORMATS, REPORT_IDS, REPORTS, type TReportFormat, type TReportId } from "@/lib/reports/catalogue";

export type TReportFormOptions = {
  frameworks: { id: string; shortName: string }[];
  workflowKinds: { value: string; label: string }[];
  workflowStates: { value: string; label: string }[];
  /** Review campaigns, newest first, for the access review results report. */
  campaigns: { id: string; name: string }[];
  /** YYYY-MM-DD, computed on the server (no clock difference between server and browser render). */
  defaultFrom: string;
  defaultTo: string;
};

type TFields = { inventory: string; framework: string; campaign: string; from: string; to: string; kind: string; state: string; breakGlass: boolean; action: string };

/** The filters of one report as the export route's query string, or why they cannot be sent. */
function filtersOf(report: TReportId, f: TFields): { params: URLSearchParams } | { error: string } {
  const params = new URLSearchParams();
  const range = () => {
    if (f.from) params.set("from", f.from);
    if (f.to) params.set("to", f.to);
    return f.from && f.to && f.from > f.to ? "The start date must not be after the end date." : null;
  };
  switch (report) {
    case "inventory": {
      // A pasted inventory link or just its query string: the inventory's own parser checks it here,
      // so a bad filter is said on the page instead of arriving as a downloaded error.
      const text = f.inventory.trim();
      const query = new URLSearchParams(text.includes("?") ? text.slice(text.indexOf("?") + 1) : text);
      for (const k of ["after", "before", "limit"]) query.delete(k);
      const parsed = parseCredentialListQuery(Object.fromEntries(query));
      if (!parsed.success) return { error: describeIssues(parsed.error.issues) };
      return { params: query };
    }
    case "frameworks":
      if (f.framework) params.set("framework", f.framework);
      return { params };
    case "campaigns":
      if (f.campaign) params.set("campaign", f.campaign);
      return { params };
    case "workflows": {
      const error = range();
      if (error) return { error };
      if (f.kind) params.set("kind", f.kind);
      if (f.state) params.set("state", f.state);
      if (f.breakGlass) params.set("breakGlass", "1");
      return { params };
    }
    case "audit": {
      const error = range();
      if (error) return { error };
      if (f.action.trim()) params.set("action", f.action.trim());
      return { params };
    }
  }
}

export function ReportExportForm({ options, initialInventory = "" }: { options: TReportFormOptions; initialInventory?: string }) {
  const [report, setReport] = useState<TReportId>("inventory");
  const [format, setFormat] = useState<TReportFormat>("csv");
  const [fields, setFields] = useState<TFields>({ inventory: initialInventory, framework: "", campaign: "", from: options.defaultFrom, to: options.defaultTo, kind: "", state: "", breakGlass: false, action: "" });
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState<TStartedExport[]>([]);
  const set = <K extends keyof TFields>(key: K, value: TFields[K]) => setFields((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = filtersOf(report, fields);
    if ("error" in built) return setError(built.error);
    setError(null);
    const exportId = startReportDownload(report, format, built.params);
    setStarted((list) => [{ exportId, report, format, at: Date.now() }, ...list].slice(0, 8));
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <form onSubmit={submit} className="flex flex-col gap-6" data-testid="report-form">
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium">Report</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {REPORT_IDS.map((id) => (
              <label
                key={id}
                className={cn(
                  "flex cursor-pointer flex-col gap-1 rounded-lg border bg-surface p-3 text-left transition-colors hover:bg-accent/50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                  report === id ? "border-primary ring-1 ring-primary" : "border-border",
                )}
              >
                <span className="flex items-center gap-2 text-sm font-medium">
                  <input type="radio" name="report" value={id} checked={report === id} onChange={() => setReport(id)} className="size-4 accent-primary" data-testid={`report-${id}`} />
                  {REPORTS[id].title}
                </span>
                <span className="text-ui text-muted-foreground">{REPORTS[id].description}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-sm font-medium">Filters</legend>
          {report === "inventory" ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="report-inventory">Inventory view</Label>
              <Input id="report-inventory" value={fields.inventory} onChange={(e) => set("inventory", e.target.value)} placeholder="risk=high,critical&provider=… (or paste an /inventory link)" />
              <FieldHint>Empty exports every credential. Filter the inventory page and paste its address, or use its Export menu.</FieldHint>
            </div>
          ) : report === "frameworks" ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="report-framework">Framework</Label>
              <Select id="report-framework" value={fields.framework} onChange={(e) => set("framework", e.target.value)}>
                <option value="">All four frameworks</option>
                {options.frameworks.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.shortName}
                  </option>
                ))}
              </Select>
            </div>
          ) : report === "campaigns" ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="report-campaign">Campaign</Label>
              <Select id="report-campaign" value={fields.campaign} onChange={(e) => set("campaign", e.target.value)} data-testid="report-campaign">
                <option value="">Every campaign</option>
                {options.campaigns.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </div>
          ) : (
            <>
              <div className="grid gap-3 sm:grid-cols-2">
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="report-from">From (UTC day)</Label>
                  <Input id="report-from" type="date" value={fields.from} onChange={(e) => set("from", e.target.value)} />
                </div>
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="report-to">To (UTC day, included)</Label>
                  <Input id="report-to" type="date" value={fields.to} onChange={(e) => set("to", e.target.value)} />
                </div>
              </div>
              {report === "workflows" ? (
                <div className="grid gap-3 sm:grid-cols-3">
                  <div className="flex flex-col gap-1.5">
                    <Label htmlFor="report-kind">Kind</Label>
                    <Select id="report-kind" value={fields.kind} onChange={(e) => set("kind", e.target.value)}>
                      <option value="">Rotations and revocations</option>
                      {options.workflowKinds.map((k) => (
                        <option key={k.value} value={k.value}>
                          {k.label}
                        </option>
                      ))}
                    </Select>
                  </div>
                  <div className="flex flex-col gap-1.5">
                    <Label htmlFor="report-state">State</Label>
                    <Select id="report-state" value={fields.state} onChange={(e) => set("state", e.target.value)}>
                      <option value="">Any state</option>
                      {options.workflowStates.map((s) => (
                        <option key={s.value} value={s.value}>
                          {s.label}
                        </option>
                      ))}
                    </Select>
                  </div>
                  <label className="flex items-center gap-2 self-end pb-2 text-sm">
                    <input type="checkbox" className="size-4 accent-primary" checked={fields.breakGlass} onChange={(e) => set("breakGlass", e.target.checked)} />
                    Break-glass only
                  </label>
                </div>
              ) : (
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="report-action">Action</Label>
                  <Input id="report-action" value={fields.action} onChange={(e) => set("action", e.target.value)} placeholder="every action (or e.g. access.denied)" />
                </div>
              )}
            </>
          )}
        </fieldset>

        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium">Format</legend>
          <div className="inline-flex w-fit rounded-lg border border-border bg-surface p-0.5" role="radiogroup" aria-label="Format">
            {REPORT_FORMATS.map((f) => (
              <label key={f} className={cn("cursor-pointer rounded-md px-4 py-1.5 text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring", format === f ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:text-foreground")}>
                <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} className="sr-only" data-testid={`format-${f}`} />
                {FORMAT_LABELS[f].label}
              </label>
            ))}
          </div>
          <FieldHint>{format === "pdf" ? "A readable report: cover, totals, a chart and the first 2,000 rows." : format === "csv" ? "Every row and column; cells a spreadsheet would run as formulas are prefixed with '." : "Every row and column, with the filters asked."}</FieldHint>
        </fieldset>

        {error ? (
          <p role="alert" className="text-ui text-danger" data-testid="report-error">
            {error}
          </p>
        ) : null}
        <div>
          <Button type="submit" data-testid="report-export">
            <Download aria-hidden />
            Export {REPORTS[report].title.toLowerCase()} as {FORMAT_LABELS[format].label}
          </Button>
        </div>
      </form>

      <Card className="h-fit">
        <CardHeader>
          <CardTitle>This session&apos;s exports</CardTitle>
          <CardDescription>Each file has a signed manifest. Keep both; check them offline with npm run report:verify.</CardDescription>
        </CardHeader>
        <CardContent>
          {started.length === 0 ? (
            <p className="text-ui text-muted-foreground">None yet.</p>
          ) : (
            <ul className="flex flex-col gap-2 text-ui" data-testid="report-started">
              {started.map((s) => (
                <li key={s.exportId} className="flex items-center justify-between gap-2">
                  <span>
                    {REPORTS[s.report].title} · {FORMAT_LABELS[s.format].label}
                  </span>
                  <ManifestLink exportId={s.exportId} />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
