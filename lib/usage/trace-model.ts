/**
 * A trace as the hop graph draws it: callers and targets are nodes, each hop an edge labelled with
 * the credential it presented. A hop is *forwarded* (passthrough) when an MCP server presents the
 * credential it was itself given in this trace to another target — the same reading as the risk
 * engine's passthrough factor (lib/risk/services/load-scoring-inputs.ts), so the highlighted edge is
 * the evidence the alert cites.
 */

export type THop = {
  id: string;
  time: string;
  spanId: string;
  parentSpanId: string | null;
  credential: { id: string; name: string; hint: string | null } | null;
  caller: { kind: string; id: string; environment: string | null };
  target: { kind: string; id: string; audience: string | null };
  tool: string | null;
  outcome: string;
};

export function forwardedEdges(hops: readonly THop[]): string[] {
  const out: string[] = [];
  for (const later of hops) {
    if (later.caller.kind !== "mcp_server" || !later.credential) continue;
    const received = hops.find(
      (earlier) => earlier.id !== later.id && earlier.target.kind === "mcp_server" && earlier.credential?.id === later.credential!.id && (later.parentSpanId === earlier.spanId || later.caller.id === earlier.target.id),
    );
    if (received) out.push(later.id);
  }
  return out;
}

export type TTraceNode = { id: string; label: string; kind: string };
export type TTraceEdge = { id: string; from: string; to: string; label: string; forwarded: boolean; outcome: string };

/** Nodes keyed by kind + id, so an MCP server that is first a target then a caller is one node. */
export function traceGraph(hops: readonly THop[], forwarded: readonly string[]): { nodes: TTraceNode[]; edges: TTraceEdge[] } {
  const nodes = new Map<string, TTraceNode>();
  const key = (kind: string, id: string) => `${kind === "mcp_server" ? "mcp_server" : kind}:${id}`;
  const edges = hops.map((hop) => {
    const from = key(hop.caller.kind, hop.caller.id);
    const to = key(hop.target.kind, hop.target.id);
    if (!nodes.has(from)) nodes.set(from, { id: from, label: hop.caller.id, kind: hop.caller.kind });
    if (!nodes.has(to)) nodes.set(to, { id: to, label: hop.target.id, kind: hop.target.kind });
    const credential = hop.credential ? `${hop.credential.name}${hop.credential.hint ? ` …${hop.credential.hint}` : ""}` : "unknown credential";
    return { id: hop.id, from, to, label: `${credential}${hop.tool ? ` · ${hop.tool}` : ""}`, forwarded: forwarded.includes(hop.id), outcome: hop.outcome };
  });
  return { nodes: [...nodes.values()], edges };
}
