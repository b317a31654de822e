import { ServerCog } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { FeatureList } from "@/components/ui/feature-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "MCP servers" };

export default function McpServersPage() {
  return (
    <>
      <PageHeader
        title="MCP servers"
        description="The Model Context Protocol servers your agents talk to, and whether they check who a token was meant for."
      />
      <EmptyState
        icon={ServerCog}
        title="No MCP servers tracked yet"
        description="Servers will appear here from MCP client config scans (Claude, Cursor, VS Code, Windsurf) and from observed usage."
      >
        <FeatureList
          title="What you will be able to do here"
          items={[
            "See each server's resource URI or command, transport and auth mode (OAuth, static token, none)",
            "Run an audience probe: a token minted for another audience must be rejected",
            "Spot token passthrough — a client's token forwarded to GitHub, a database or another API",
            "Follow which credentials flow through each server, and to which providers",
          ]}
        />
      </EmptyState>
    </>
  );
}
