import { Bot, Cable, KeyRound, ScrollText, ServerCog } from "lucide-react";
import { StatTile } from "@/components/overview/stat-tile";

export type TOverviewCountsView = {
  credentials: number;
  activeCredentials: number;
  identities: number;
  mcpServers: number;
  providers: number;
  auditEvents: number;
};

export function OverviewTiles({ counts }: { counts: TOverviewCountsView }) {
  return (
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading" className="sr-only">
        Counts
      </h2>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-5">
        <StatTile
          label="Credentials"
          value={counts.credentials}
          hint={`${new Intl.NumberFormat("en-US").format(counts.activeCredentials)} active`}
          icon={KeyRound}
          href="/inventory"
          testId="count-credentials"
          className="col-span-2 sm:col-span-1"
        />
        <StatTile label="Non-human identities" value={counts.identities} hint="Service accounts, agents, apps" icon={Bot} testId="count-identities" />
        <StatTile label="MCP servers" value={counts.mcpServers} icon={ServerCog} href="/mcp-servers" hint="Known servers" testId="count-mcp-servers" />
        <StatTile label="Providers" value={counts.providers} icon={Cable} hint="Connected issuers" testId="count-providers" />
        <StatTile label="Audit events" value={counts.auditEvents} icon={ScrollText} href="/audit" hint="Hash-chained records" testId="count-audit-events" />
      </div>
    </section>
  );
}
