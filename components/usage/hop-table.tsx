import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { THop } from "@/lib/usage/trace-model";

/** The trace's hops in time order: the graph's facts as text, the forwarded one flagged. */
export function HopTable({ hops, forwarded }: { hops: THop[]; forwarded: string[] }) {
  return (
    <Table label="Hops of this trace, in time order">
      <THead>
        <TR>
          <TH className="w-24 sm:w-32">Time (UTC)</TH>
          <TH>Caller → target</TH>
          <TH className="hidden sm:table-cell">Credential</TH>
          <TH className="hidden w-28 sm:table-cell">Outcome</TH>
        </TR>
      </THead>
      <TBody>
        {hops.map((hop) => (
          <TR key={hop.id} data-testid={forwarded.includes(hop.id) ? "hop-forwarded" : "hop"}>
            <TD className="align-top font-mono text-xs">{hop.time.slice(11, 23)}</TD>
            <TD className="align-top [overflow-wrap:anywhere]">
              <span className="font-medium text-foreground">{hop.caller.id}</span>
              <span className="text-muted-foreground"> ({hop.caller.kind.replace("_", " ")}) → </span>
              <span className="font-medium text-foreground">{hop.target.id}</span>
              {hop.tool ? <span className="text-muted-foreground"> · {hop.tool}</span> : null}
              {hop.target.audience ? <p className="truncate text-xs text-muted-foreground">audience {hop.target.audience}</p> : null}
              {forwarded.includes(hop.id) ? (
                <p className="mt-1">
                  <Badge tone="danger">Forwarded: {hop.caller.id} passed on the token it was given</Badge>
                </p>
              ) : null}
              <p className="mt-1 text-xs text-muted-foreground sm:hidden">
                {hop.credential ? hop.credential.name : "credential not recorded"} · {hop.outcome.replace("_", " ")}
              </p>
            </TD>
            <TD className="hidden align-top sm:table-cell">
              {hop.credential ? (
                <Link href={`/inventory/${hop.credential.id}`} className="hover:underline">
                  {hop.credential.name}
                  {hop.credential.hint ? <span className="font-mono text-xs text-muted-foreground"> …{hop.credential.hint}</span> : null}
                </Link>
              ) : (
                <span className="text-muted-foreground">not recorded</span>
              )}
            </TD>
            <TD className="hidden align-top sm:table-cell">
              <Badge tone={hop.outcome === "allowed" ? "neutral" : hop.outcome === "denied" ? "warning" : hop.outcome === "error" ? "danger" : "primary"}>{hop.outcome.replace("_", " ")}</Badge>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
