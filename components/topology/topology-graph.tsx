"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";
import type { TTopology } from "@/lib/inventory/topology";

const TopologyCanvas = dynamic(() => import("@/components/topology/topology-canvas"), {
  ssr: false,
  loading: () => <Skeleton className="h-full min-h-64 w-full" />,
});

/**
 * Who presents which credential to whom, as a graph (holders → MCP servers → providers). The edges
 * that carry the page's credential are drawn solid and highlighted; context edges are dashed.
 * A text legend and the bindings table beside it carry the same facts for screen readers.
 */
export function TopologyGraph({ topology, label }: { topology: TTopology; label: string }) {
  const rows = Math.max(...(["identity", "server", "provider"] as const).map((k) => topology.nodes.filter((n) => n.kind === k).length), 1);
  const height = Math.min(640, Math.max(220, rows * 66 + 60));
  return (
    <figure className="flex flex-col gap-2" data-testid="topology">
      <div style={{ height }} role="group" aria-label={label}>
        <TopologyCanvas topology={topology} height={height} />
      </div>
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="h-0.5 w-5 rounded bg-primary" /> carries this credential
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="h-0 w-5 border-t-2 border-dashed border-border-strong" /> context: other credentials
        </span>
        <span>Select a node to open it.</span>
      </figcaption>
    </figure>
  );
}
