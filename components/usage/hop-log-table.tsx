import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { THopFilter, THopRow } from "@/lib/usage/hop-log-params";

export const outcomeTone = (outcome: string) => (outcome === "allowed" ? "neutral" : outcome === "denied" ? "warning" : outcome === "error" ? "danger" : "primary") as "neutral" | "warning" | "danger" | "primary";

/** A value in a row that narrows the log to it when clicked. */
function FilterValue({ label, onClick, children }: { label: string; onClick: () => void; children: React.ReactNode }) {
  return (
    <button type="button" className="text-left font-medium text-foreground hover:underline" title={label} onClick={onClick}>
      {children}
    </button>
  );
}

/** One page of hops, newest first: each opens its trace's hop graph and its credential. */
export function HopLogTable({ items, onFilter }: { items: THopRow[]; onFilter: (patch: THopFilter) => void }) {
  return (
    <Table label="Hops, newest first">
      <THead>
        <TR>
          <TH className="w-20 sm:w-44">Time (UTC)</TH>
          <TH>Caller → target</TH>
          <TH className="hidden md:table-cell">Credential</TH>
          <TH className="hidden w-28 sm:table-cell">Outcome</TH>
          <TH className="hidden w-32 sm:table-cell">Trace</TH>
        </TR>
      </THead>
      <TBody>
        {items.map((hop) => (
          <TR key={hop.id} data-testid="hop-row">
            <TD className="align-top font-mono text-xs whitespace-nowrap">
              <span className="hidden sm:inline">{hop.time.slice(0, 10)} </span>
              {hop.time.slice(11, 23)}
            </TD>
            <TD className="align-top [overflow-wrap:anywhere]">
              <FilterValue label="Show only hops from this caller" onClick={() => onFilter({ caller: hop.caller.id })}>
                {hop.caller.id}
              </FilterValue>
              <span className="text-muted-foreground"> ({hop.caller.kind.replace("_", " ")}{hop.caller.environment ? `, ${hop.caller.environment}` : ""}) → </span>
              <FilterValue label="Show only hops to this target" onClick={() => onFilter({ target: hop.target.id })}>
                {hop.target.id}
              </FilterValue>
              {hop.tool ? (
                <>
                  <span className="text-muted-foreground"> · </span>
                  <FilterValue label="Show only calls of this tool" onClick={() => onFilter({ tool: hop.tool ?? undefined })}>
                    {hop.tool}
                  </FilterValue>
                </>
              ) : null}
              <p className="mt-1 text-xs text-muted-foreground md:hidden">
                {hop.credential ? (
                  <Link href={`/inventory/${hop.credential.id}`} className="hover:underline">
                    {hop.credential.name}
                  </Link>
                ) : (
                  "credential not recorded"
                )}
                <span className="sm:hidden"> · {hop.outcome.replace("_", " ")} · </span>
                <Link href={`/usage/traces/${encodeURIComponent(hop.traceId)}`} className="font-mono text-primary hover:underline sm:hidden" title={`Open the hop graph of trace ${hop.traceId}`}>
                  trace {hop.traceId.slice(0, 8)}…
                </Link>
              </p>
            </TD>
            <TD className="hidden align-top md:table-cell">
              {hop.credential ? (
                <Link href={`/inventory/${hop.credential.id}`} className="hover:underline" data-testid="hop-credential">
                  {hop.credential.name}
                  {hop.credential.hint ? <span className="font-mono text-xs text-muted-foreground"> …{hop.credential.hint}</span> : null}
                </Link>
              ) : (
                <span className="text-muted-foreground">not recorded</span>
              )}
            </TD>
            <TD className="hidden align-top sm:table-cell">
              <Badge tone={outcomeTone(hop.outcome)}>{hop.outcome.replace("_", " ")}</Badge>
            </TD>
            <TD className="hidden align-top sm:table-cell">
              <Link href={`/usage/traces/${encodeURIComponent(hop.traceId)}`} className="block truncate font-mono text-xs text-primary hover:underline" title={`Open the hop graph of trace ${hop.traceId}`} data-testid="hop-trace">
                {hop.traceId.slice(0, 12)}
                {hop.traceId.length > 12 ? "…" : ""}
              </Link>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
