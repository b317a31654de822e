import Link from "next/link";
import { EnvironmentBadge } from "@/components/inventory/badges";
import { formatNumber } from "@/components/inventory/format";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TMcpServerRow } from "@/lib/mcp-servers/queries";

export const PROBE_TONE: Record<string, "success" | "danger" | "warning" | "neutral"> = { pass: "success", fail: "danger", error: "warning", unknown: "neutral" };
export const PROBE_LABEL: Record<string, string> = { pass: "Probe passed", fail: "Probe failed", error: "Probe error", unknown: "Not probed" };
export const AUTH_LABEL: Record<string, string> = { oauth: "OAuth", static_token: "Static token", none: "None" };

export function McpServersTable({ items, exposures }: { items: TMcpServerRow[]; /** Open exposures per server id (config scans). */ exposures?: Record<string, number> }) {
  return (
    <Table label="MCP servers" data-testid="mcp-servers-table">
      <THead>
        <tr>
          <TH>Server</TH>
          <TH>Env</TH>
          <TH>Auth</TH>
          <TH>Audience probe</TH>
          <TH>Owner</TH>
          <TH className="text-right">Presented to it</TH>
          <TH className="text-right">It holds</TH>
          {exposures ? <TH className="text-right">Exposed secrets</TH> : null}
        </tr>
      </THead>
      <TBody>
        {items.map((s) => (
          <TR key={s.id} data-testid="mcp-server-row">
            <TD className="min-w-64">
              <Link href={`/mcp-servers/${s.id}`} className="font-medium hover:text-primary hover:underline" data-testid="mcp-server-link">
                {s.name}
              </Link>
              <code className="block text-xs text-muted-foreground [overflow-wrap:anywhere]">{s.resourceUri ?? s.command ?? s.transport}</code>
            </TD>
            <TD>
              <EnvironmentBadge environment={s.environment} short />
            </TD>
            <TD className="whitespace-nowrap">
              {s.authMode === "none" ? <Badge tone="danger">None</Badge> : AUTH_LABEL[s.authMode] ?? s.authMode}
              <span className="block text-xs text-muted-foreground">{s.transport.replace(/_/g, " ")}</span>
            </TD>
            <TD>
              <Badge tone={PROBE_TONE[s.lastProbeResult] ?? "neutral"}>{PROBE_LABEL[s.lastProbeResult] ?? s.lastProbeResult}</Badge>
            </TD>
            <TD className="whitespace-nowrap">{s.owner ? <span className={s.owner.active ? undefined : "line-through"}>{s.owner.name}</span> : <span className="text-muted-foreground">No owner</span>}</TD>
            <TD className="text-right whitespace-nowrap tabular-nums">
              {formatNumber(s.presented)}
              <span className="block text-xs text-muted-foreground">from {formatNumber(s.presenters)} holders</span>
            </TD>
            <TD className="text-right tabular-nums">{formatNumber(s.held)}</TD>
            {exposures ? (
              <TD className="text-right tabular-nums" data-testid="mcp-server-exposures">
                {exposures[s.id] ? (
                  <Link href={`/exposures?server=${s.id}`} className="text-danger hover:underline">
                    {formatNumber(exposures[s.id] ?? 0)} open
                  </Link>
                ) : (
                  <span className="text-muted-foreground">0</span>
                )}
              </TD>
            ) : null}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
