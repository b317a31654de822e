import { Lock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EntityHeader } from "@/components/detail/entity-header";
import { ScanUpload } from "@/components/scans/scan-upload";
import { EmptyState } from "@/components/ui/empty-state";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Scan MCP configs" };

export default async function ScanMcpConfigsPage() {
  const actor = await requireActor();
  return (
    <>
      <EntityHeader
        back={{ href: "/mcp-servers", label: "MCP servers" }}
        title="Scan MCP configs"
        subtitle="Find the static tokens MCP clients keep in their configs and match them to the inventory by fingerprint."
      />
      {allows(actor, "scans.write") ? (
        <div className="flex flex-col gap-4">
          <p className="max-w-3xl text-ui text-muted-foreground">
            On developer machines and in CI, run <code className="text-xs">npm run scan -- ~ --send {"<tokenward url>"}</code> with an API key holding{" "}
            <code className="text-xs">scan:write</code> (Settings → API keys). Everything found lands in{" "}
            <Link className="text-primary hover:underline" href="/exposures">
              Exposures
            </Link>
            .
          </p>
          <ScanUpload />
        </div>
      ) : (
        <EmptyState icon={Lock} title="Scans are sent by security and admins" description="Your role can see MCP servers and exposures, but not upload configs." />
      )}
    </>
  );
}
