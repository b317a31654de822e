"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";
import type { TTopology } from "@/lib/inventory/topology";

const TopologyCanvas = dynamic(() => import("@/components/topology/topology-canvas"), {
  ssr: false,
  loading: () => <Skeleton className="h-full min-h-64 w-full" />,
});

/**
 * One trace's hops as a graph, callers to targets, the forwarded hop (passthrough) in the danger
 * colour. The hop table beside it carries the same facts for screen readers.
 */
export function TraceGraph({ topology, label }: { topology: TTopology; label: string }) {
  const height = Math.min(520, Math.max(220, topology.nodes.length * 48 + 80));
  return (
    <figure className="flex flex-col gap-2" data-testid="trace-graph">
      <div style={{ height }} role="group" aria-label={label}>
        <TopologyCanvas topology={topology} height={height} />
      </div>
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="h-0.5 w-5 rounded bg-danger" /> forwarded: a server passed on the token it was given
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="h-0.5 w-5 rounded bg-border-strong" /> a hop
        </span>
      </figcaption>
    </figure>
  );
}
