import Link from "next/link";
import { formatRelative } from "@/components/inventory/format";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

export type TEdgeRow = {
  credentialId: string;
  credentialName: string;
  other: { kind: "identity" | "server" | "provider"; id: string; name: string } | null;
  audience: string | null;
  lastSeenAt: string;
};

function otherHref(o: NonNullable<TEdgeRow["other"]>): string {
  if (o.kind === "identity") return `/identities/${o.id}`;
  if (o.kind === "server") return `/mcp-servers/${o.id}`;
  return `/inventory?provider=${o.id}`;
}

/** Bindings seen from one end: the credential, the other end (holder or target), audience, last seen. */
export function EdgeTable({ rows, otherLabel, label, now, testId }: { rows: TEdgeRow[]; otherLabel: string; label: string; now: number; testId?: string }) {
  return (
    <Table label={label} data-testid={testId}>
      <THead>
        <tr>
          <TH>Credential</TH>
          <TH>{otherLabel}</TH>
          <TH>Audience</TH>
          <TH>Last seen</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((r, i) => (
          <TR key={`${r.credentialId}-${i}`}>
            <TD className="min-w-56 [overflow-wrap:anywhere]">
              <Link href={`/inventory/${r.credentialId}`} className="font-medium hover:text-primary hover:underline">
                {r.credentialName}
              </Link>
            </TD>
            <TD className="min-w-40 [overflow-wrap:anywhere]">
              {r.other ? (
                <Link href={otherHref(r.other)} className="text-primary hover:underline">
                  {r.other.name}
                </Link>
              ) : (
                <span className="text-muted-foreground">unknown</span>
              )}
            </TD>
            <TD className="min-w-48 max-w-72">{r.audience ? <code className="text-xs [overflow-wrap:anywhere]">{r.audience}</code> : <span className="text-muted-foreground">any</span>}</TD>
            <TD className="whitespace-nowrap" suppressHydrationWarning>
              {formatRelative(r.lastSeenAt, now)}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
