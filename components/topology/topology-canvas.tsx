"use client";

import "@xyflow/react/dist/style.css";
import { Graph, layout } from "@dagrejs/dagre";
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import { Bot, Building2, Ellipsis, ServerCog } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { useTheme } from "@/components/app-context/theme-provider";
import { cn } from "@/components/ui/cn";
import type { TTopology, TTopologyNode } from "@/lib/inventory/topology";

/**
 * The topology drawn with React Flow, laid out left to right by dagre: holders → MCP servers →
 * providers. Loaded on demand (components/topology/topology-graph.tsx): pages without a graph never
 * download it. Read-only: no dragging or connecting, zoom with the controls, scroll stays the page's.
 */

const NODE_WIDTH = 216;
const NODE_HEIGHT = 58;

type TNodeData = TTopologyNode & Record<string, unknown>;

const ICONS = { identity: Bot, server: ServerCog, provider: Building2, more: Ellipsis } as const;
const TONES = {
  identity: "bg-primary-subtle text-primary-subtle-foreground",
  server: "bg-warning-subtle text-warning",
  provider: "bg-success-subtle text-success",
  more: "bg-surface-sunken text-muted-foreground",
} as const;
const KIND_LABEL = { identity: "Identity", server: "MCP server", provider: "Provider", more: "" } as const;

function TopologyNodeView({ data }: NodeProps<Node<TNodeData>>) {
  const Icon = ICONS[data.kind];
  const body = (
    <>
      <span className={cn("flex size-8 shrink-0 items-center justify-center rounded-md", TONES[data.kind])}>
        <Icon aria-hidden className="size-4" />
      </span>
      <span className="flex min-w-0 flex-col">
        <span className="truncate text-ui font-medium text-foreground">{data.label}</span>
        <span className="truncate text-[11px] text-muted-foreground">
          {[KIND_LABEL[data.kind], data.detail?.replace(/_/g, " ")].filter(Boolean).join(" · ")}
        </span>
      </span>
    </>
  );
  const className = cn(
    "flex h-full w-full items-center gap-2 rounded-lg border bg-surface px-2.5 text-left shadow-xs",
    data.focus ? "border-primary ring-2 ring-primary/30" : "border-border-strong",
  );
  return (
    <>
      <Handle type="target" position={Position.Left} className="!border-0 !bg-transparent" isConnectable={false} />
      {data.href ? (
        <Link href={data.href} className={cn(className, "nopan hover:border-primary focus-visible:outline-2 focus-visible:outline-ring")} title={data.label} data-testid="topology-node-link">
          {body}
        </Link>
      ) : (
        <div className={className} title={data.label}>
          {body}
        </div>
      )}
      <Handle type="source" position={Position.Right} className="!border-0 !bg-transparent" isConnectable={false} />
    </>
  );
}

const nodeTypes = { topology: TopologyNodeView };

/** Edge labels are audiences (URLs) or counts: keep them shorter than the gap between columns. */
function shortLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  let text = label;
  try {
    const url = new URL(label);
    text = `${url.host}${url.pathname === "/" ? "" : url.pathname}`;
  } catch {
    // not a URL
  }
  return text.length > 26 ? `${text.slice(0, 25)}…` : text;
}

function layoutGraph(topology: TTopology): { nodes: Node<TNodeData>[]; edges: Edge[] } {
  const g = new Graph();
  g.setGraph({ rankdir: "LR", nodesep: 18, ranksep: 170, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of topology.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of topology.edges) g.setEdge(e.source, e.target);
  layout(g);
  const nodes = topology.nodes.map((n): Node<TNodeData> => {
    const p = g.node(n.id);
    return {
      id: n.id,
      type: "topology",
      position: { x: (p?.x ?? 0) - NODE_WIDTH / 2, y: (p?.y ?? 0) - NODE_HEIGHT / 2 },
      data: n as TNodeData,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      draggable: false,
      selectable: false,
      connectable: false,
      // Not selectable or draggable, React Flow gives the wrapper pointer-events: none, so a click
      // fell through to the pane. The Link inside is the one focus stop (Tab, Enter) and click target.
      focusable: false,
      style: n.href ? { pointerEvents: "all" } : undefined,
    };
  });
  // Many edges converging on one node would stack their labels into a smear: drop them there.
  const incoming = new Map<string, number>();
  for (const e of topology.edges) incoming.set(e.target, (incoming.get(e.target) ?? 0) + 1);
  const edges = topology.edges.map((e): Edge => {
    const color = e.danger ? "var(--danger)" : e.highlighted ? "var(--primary)" : "var(--border-strong)";
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      label: (incoming.get(e.target) ?? 0) > 5 ? undefined : shortLabel(e.label),
      animated: false,
      selectable: false,
      style: { stroke: color, strokeWidth: e.highlighted || e.danger ? 2.5 : 1.5, strokeDasharray: e.context ? "5 4" : undefined },
      markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
      labelStyle: { fontSize: 10, fill: e.danger ? "var(--danger)" : "var(--muted-foreground)" },
      labelBgStyle: { fill: "var(--surface)" },
      labelBgPadding: [4, 2],
      data: { highlighted: e.highlighted ?? false },
    };
  });
  return { nodes, edges };
}

export default function TopologyCanvas({ topology, height }: { topology: TTopology; height: number }) {
  const { nodes, edges } = useMemo(() => layoutGraph(topology), [topology]);
  // React Flow's own chrome (controls, background) follows the app's theme choice, not only the OS.
  const { theme } = useTheme();
  return (
    <div style={{ height }} className="tw-topology w-full overflow-hidden rounded-md border border-border bg-surface-sunken">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        // The whole graph in view, on a phone too (zoom in with the controls); never larger than life.
        fitViewOptions={{ padding: 0.08, maxZoom: 1, minZoom: 0.2 }}
        minZoom={0.2}
        maxZoom={1.5}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        zoomOnScroll={false}
        preventScrolling={false}
        proOptions={{ hideAttribution: true }}
        colorMode={theme}
      >
        <Background gap={20} size={1} color="var(--border)" />
        <Controls showInteractive={false} position="bottom-right" />
      </ReactFlow>
    </div>
  );
}
