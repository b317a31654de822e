import Link from "next/link";
import { RemediateButton } from "@/components/exposures/remediate-button";
import { formatDate, formatRelative } from "@/components/inventory/format";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TExposureRow } from "@/lib/exposures/queries";

/** Phones see where and the state; the credential moves under the place (its own column is hidden). */
const WIDE = "max-sm:hidden";
const WIDER_ONLY = "max-lg:hidden";

/** Where each secret was found in clear, whose it is, and whether it is still there. */
export function ExposuresTable({ items, now, compact = false }: { items: TExposureRow[]; now: number; /** Inside a server's page: no server, detector or first-seen columns. */ compact?: boolean }) {
  const showServer = !compact;
  const WIDER = compact ? "hidden" : WIDER_ONLY;
  return (
    <Table label="Exposures" data-testid="exposures-list">
      <THead>
        <tr>
          <TH>Where</TH>
          {showServer ? <TH className={WIDE}>Server</TH> : null}
          <TH className={WIDER}>Found by</TH>
          <TH className={WIDE}>Credential</TH>
          <TH className={WIDER}>First seen</TH>
          <TH className={WIDE}>Last seen</TH>
          <TH>State</TH>
        </tr>
      </THead>
      <TBody>
        {items.map((e) => (
          <TR key={e.id} data-testid="exposure-row">
            <TD className="min-w-56">
              <span className="block [overflow-wrap:anywhere]">
                {e.where}
                {e.line !== null ? <span className="text-muted-foreground">:{e.line}</span> : null}
              </span>
              {e.keyPath ? <code className="block text-xs text-muted-foreground [overflow-wrap:anywhere]">{e.keyPath}</code> : null}
              <span className="text-xs text-muted-foreground">
                {e.locationKind.replace(/_/g, " ")}
                {e.repository ? ` · ${e.repository}` : ""}
              </span>
              {e.credential ? (
                <Link className="mt-1 block text-xs text-primary hover:underline sm:hidden [overflow-wrap:anywhere]" href={`/inventory/${e.credential.id}`}>
                  {e.credential.name}
                </Link>
              ) : null}
            </TD>
            {showServer ? (
              <TD className={`${WIDE} whitespace-nowrap`}>
                {e.server ? (
                  <Link className="text-primary hover:underline" href={`/mcp-servers/${e.server.id}`}>
                    {e.server.name}
                  </Link>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </TD>
            ) : null}
            <TD className={`${WIDER} text-xs`}>{e.detector.replace(/_/g, " ")}</TD>
            <TD className={`${WIDE} min-w-48`}>
              {e.credential ? (
                <>
                  <Link className="text-primary hover:underline [overflow-wrap:anywhere]" href={`/inventory/${e.credential.id}`} data-testid="exposure-credential">
                    {e.credential.name}
                  </Link>
                  <span className="block text-xs text-muted-foreground">
                    {e.credential.hint && e.credential.source !== "scan" ? `…${e.credential.hint} · ` : ""}
                    {e.credential.source === "scan" ? "found by scan only" : `from ${e.credential.source}`}
                    {e.credential.owner ? ` · ${e.credential.owner}` : ""}
                  </span>
                </>
              ) : (
                <span className="text-muted-foreground">No known credential</span>
              )}
            </TD>
            <TD className={`${WIDER} whitespace-nowrap`}>{formatDate(e.firstSeenAt)}</TD>
            <TD className={`${WIDE} whitespace-nowrap`} suppressHydrationWarning>
              {formatRelative(e.lastSeenAt, now)}
            </TD>
            <TD>
              {e.resolvedAt ? (
                <Badge tone="success" data-testid="exposure-state">
                  Remediated
                </Badge>
              ) : (
                <div className="flex flex-col items-start gap-1.5">
                  <Badge tone="danger" data-testid="exposure-state">
                    Open
                  </Badge>
                  {e.canRemediate ? <RemediateButton exposureId={e.id} label={`${e.where} ${e.keyPath ?? ""}`} /> : null}
                </div>
              )}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
