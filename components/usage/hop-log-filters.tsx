"use client";

import { X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { describeHopIssues, HOP_OUTCOMES, parseHopQuery, type THopFilter } from "@/lib/usage/hop-log-params";

const TEXT_FIELDS = [
  { key: "caller", label: "Caller", placeholder: "research-agent" },
  { key: "target", label: "Target", placeholder: "github-mcp" },
  { key: "tool", label: "Tool", placeholder: "search_issues" },
  { key: "trace", label: "Trace id", placeholder: "4bf92f35…" },
] as const;

/** datetime-local shows minutes; the URL holds full ISO instants (UTC). */
const localValue = (iso?: string) => (iso ? iso.slice(0, 16) : "");

/**
 * The explorer's filters as one form: exact values (each is an index lookup, see
 * lib/usage/hop-log-params.ts), applied together on submit. The credential filter arrives by link
 * (risk evidence, a credential's page) and shows as a removable chip.
 */
export function HopLogFilters({ filter, credentialLabel, onFilter }: { filter: THopFilter; credentialLabel: string | null; onFilter: (filter: THopFilter) => void }) {
  const [error, setError] = useState<string | null>(null);
  // Remount on a new URL filter so the inputs show it (back/forward, a clicked value).
  const formKey = JSON.stringify(filter);

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const record: Record<string, string> = {};
    for (const [key, value] of data) if (typeof value === "string" && value.trim() !== "") record[key] = value.trim();
    if (filter.credential) record.credential = filter.credential;
    const parsed = parseHopQuery(record);
    if (!parsed.success) {
      setError(describeHopIssues(parsed.error.issues));
      return;
    }
    setError(null);
    const { limit: _limit, ...next } = parsed.data;
    onFilter(next);
  }

  return (
    <div className="flex flex-col gap-2">
      <form
        key={formKey}
        className="grid grid-cols-2 gap-3 rounded-lg border border-border bg-surface p-3 shadow-xs md:grid-cols-4"
        aria-label="Filter the hop log"
        onSubmit={(event) => {
          event.preventDefault();
          submit(event.currentTarget);
        }}
        data-testid="hop-filters"
      >
        {TEXT_FIELDS.map((f) => (
          <div key={f.key} className="flex min-w-0 flex-col gap-1">
            <Label htmlFor={`hop-${f.key}`}>{f.label}</Label>
            <Input id={`hop-${f.key}`} name={f.key} defaultValue={filter[f.key] ?? ""} placeholder={f.placeholder} autoComplete="off" spellCheck={false} />
          </div>
        ))}
        <div className="flex min-w-0 flex-col gap-1">
          <Label htmlFor="hop-outcome">Outcome</Label>
          <Select id="hop-outcome" name="outcome" defaultValue={filter.outcome ?? ""}>
            <option value="">Any</option>
            {HOP_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o.replace("_", " ")}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <Label htmlFor="hop-from">From (UTC)</Label>
          <Input id="hop-from" name="from" type="datetime-local" defaultValue={localValue(filter.from)} />
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <Label htmlFor="hop-to">To (UTC)</Label>
          <Input id="hop-to" name="to" type="datetime-local" defaultValue={localValue(filter.to)} />
        </div>
        <div className="flex items-end gap-2">
          <Button type="submit" size="sm" className="h-9" data-testid="hop-apply">
            Apply
          </Button>
          <Button type="button" size="sm" variant="ghost" className="h-9" onClick={() => onFilter({})} data-testid="hop-clear">
            Clear
          </Button>
        </div>
      </form>
      {filter.credential ? (
        <p className="flex flex-wrap items-center gap-2 text-ui text-muted-foreground">
          Credential
          <span className="inline-flex items-center gap-1 rounded-md border border-border bg-surface-sunken px-2 py-0.5 text-foreground" data-testid="hop-credential-chip">
            {credentialLabel ?? filter.credential}
            <button type="button" className="rounded-sm text-muted-foreground hover:text-foreground" aria-label="Remove the credential filter" onClick={() => onFilter({ ...filter, credential: undefined })}>
              <X aria-hidden className="size-3.5" />
            </button>
          </span>
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs font-medium text-danger" data-testid="hop-filter-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
