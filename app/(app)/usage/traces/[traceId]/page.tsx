import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HopTable } from "@/components/usage/hop-table";
import { TraceGraph } from "@/components/usage/trace-graph";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { actorReach } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db/client";
import { readTrace, TRACE_HOP_CAP } from "@/lib/usage/queries";
import { traceGraph } from "@/lib/usage/trace-model";

export const metadata: Metadata = { title: "Trace" };

export default async function TracePage({ params }: { params: Promise<{ traceId: string }> }) {
  const actor = await requireActor();
  const reach = actorReach(actor, "usage.read");
  const { traceId: raw } = await params;
  const traceId = decodeTraceId(raw);
  if (!reach || traceId === null) notFound();
  const { hops, forwarded, capped } = await readTrace((await getDatabase()).read, traceId, { actor, reach });
  if (hops.length === 0) notFound();
  const { nodes, edges } = traceGraph(hops, forwarded);
  const kind = (k: string) => (k === "mcp_server" ? "server" : k === "provider_api" ? "provider" : "identity") as "server" | "provider" | "identity";
  const topology = {
    nodes: nodes.map((n) => ({ id: n.id, kind: kind(n.kind), label: n.label, detail: kind(n.kind) === "identity" ? n.kind : undefined })),
    edges: edges.map((e) => ({ id: e.id, source: e.from, target: e.to, label: e.label, danger: e.forwarded })),
  };
  return (
    <>
      <PageHeader title={`Trace ${traceId.slice(0, 16)}${traceId.length > 16 ? "…" : ""}`} description={`${hops.length} hop${hops.length === 1 ? "" : "s"} from ${hops[0]!.time.slice(0, 19).replace("T", " ")} UTC, as the gateways and MCP servers reported them.`} />
      <div className="flex flex-col gap-6">
        {forwarded.length > 0 ? (
          <Alert tone="danger" title="Token passthrough in this trace" data-testid="trace-passthrough">
            {forwarded.length === 1 ? "One hop" : `${forwarded.length} hops`} forwarded a credential an MCP server had received: the MCP authorization specification forbids it. Give the server its own credential for the downstream API (token exchange) and make it check the audience of what it receives.
          </Alert>
        ) : null}
        <TraceGraph topology={topology} label={`Hop graph of trace ${traceId}`} />
        <HopTable hops={hops} forwarded={forwarded} />
        {capped ? <p className="text-xs text-muted-foreground">Showing the first {TRACE_HOP_CAP} hops.</p> : null}
      </div>
    </>
  );
}

/** The trace id from the path, or null when it is not one (malformed %-escapes included: a 404, not a 500). */
function decodeTraceId(raw: string): string | null {
  try {
    const id = decodeURIComponent(raw);
    return /^[\x21-\x7e]{1,256}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}
