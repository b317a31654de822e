import { ServerCog, ShieldAlert, Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { McpServersTable } from "@/components/mcp-servers/mcp-servers-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { openExposuresByServer } from "@/lib/exposures/queries";
import { listMcpServers, MCP_SERVER_LIST_CAP } from "@/lib/mcp-servers/queries";
import { RegisterServerDialog } from "@/components/mcp-servers/register-server-dialog";

export const metadata: Metadata = { title: "MCP servers" };

export default async function McpServersPage() {
  const actor = await requireActor();
  const prisma = await db();
  const [{ items, capped }, exposures] = await Promise.all([listMcpServers(prisma), openExposuresByServer(prisma)]);
  return (
    <>
      <PageHeader
        title="MCP servers"
        description="The Model Context Protocol servers your agents talk to: what is presented to each, what each holds toward providers, and whether it checks who a token was meant for."
        actions={
          <>
            <Button asChild size="sm" variant="secondary">
              <Link href="/exposures">
                <ShieldAlert aria-hidden />
                Exposures
              </Link>
            </Button>
            {allows(actor, "scans.write") ? (
              <Button asChild size="sm" variant="secondary">
                <Link href="/mcp-servers/scan" data-testid="scan-configs-link">
                  <Upload aria-hidden />
                  Scan MCP configs
                </Link>
              </Button>
            ) : null}
            {allows(actor, "mcp_servers.manage") ? <RegisterServerDialog /> : null}
          </>
        }
      />
      {items.length === 0 ? (
        <EmptyState
          icon={ServerCog}
          title="No MCP servers tracked yet"
          description="Servers appear from MCP client config scans (Claude, Cursor, VS Code, Windsurf) and from observed usage."
        />
      ) : (
        <>
          <McpServersTable items={items} exposures={exposures} />
          {capped ? <p className="mt-2 text-xs text-muted-foreground">Showing the first {MCP_SERVER_LIST_CAP} servers by name.</p> : null}
        </>
      )}
    </>
  );
}
