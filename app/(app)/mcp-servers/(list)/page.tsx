import { ServerCog } from "lucide-react";
import type { Metadata } from "next";
import { McpServersTable } from "@/components/mcp-servers/mcp-servers-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listMcpServers, MCP_SERVER_LIST_CAP } from "@/lib/mcp-servers/queries";
import { RegisterServerDialog } from "@/components/mcp-servers/register-server-dialog";
import { allows } from "@/lib/auth/access";

export const metadata: Metadata = { title: "MCP servers" };

export default async function McpServersPage() {
  const actor = await requireActor();
  const { items, capped } = await listMcpServers(await db());
  return (
    <>
      <PageHeader
        title="MCP servers"
        description="The Model Context Protocol servers your agents talk to: what is presented to each, what each holds toward providers, and whether it checks who a token was meant for."
        actions={allows(actor, "mcp_servers.manage") ? <RegisterServerDialog /> : undefined}
      />
      {items.length === 0 ? (
        <EmptyState
          icon={ServerCog}
          title="No MCP servers tracked yet"
          description="Servers appear from MCP client config scans (Claude, Cursor, VS Code, Windsurf) and from observed usage."
        />
      ) : (
        <>
          <McpServersTable items={items} />
          {capped ? <p className="mt-2 text-xs text-muted-foreground">Showing the first {MCP_SERVER_LIST_CAP} servers by name.</p> : null}
        </>
      )}
    </>
  );
}
