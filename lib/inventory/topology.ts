/**
 * A topology graph as the pages hand it to the graph component: who presents credentials to whom.
 * Node ids are prefixed by kind (`identity:…`, `server:…`, `provider:…`) so the three id spaces
 * never collide. Plain data, built on the server.
 */

export type TTopologyNodeKind = "identity" | "server" | "provider" | "more";

export type TTopologyNode = {
  id: string;
  kind: TTopologyNodeKind;
  label: string;
  /** Identity kind, transport, provider type … */
  detail?: string;
  environment?: string;
  href?: string;
  /** The page's own subject (drawn emphasised). */
  focus?: boolean;
};

export type TTopologyEdge = {
  id: string;
  source: string;
  target: string;
  label?: string;
  /** Carries the credential the page is about. */
  highlighted?: boolean;
  /** Context edge (another credential), drawn dashed. */
  context?: boolean;
  /** Evidence of a violation (a forwarded token in a trace), drawn in the danger colour. */
  danger?: boolean;
};

export type TTopology = { nodes: TTopologyNode[]; edges: TTopologyEdge[] };

export const nodeId = {
  identity: (id: string) => `identity:${id}`,
  server: (id: string) => `server:${id}`,
  provider: (id: string) => `provider:${id}`,
};

/** Collects nodes and edges without duplicates. */
export class TopologyBuilder {
  private nodes = new Map<string, TTopologyNode>();
  private edges = new Map<string, TTopologyEdge>();

  node(node: TTopologyNode): string {
    const existing = this.nodes.get(node.id);
    this.nodes.set(node.id, existing ? { ...existing, focus: existing.focus || node.focus } : node);
    return node.id;
  }

  edge(edge: Omit<TTopologyEdge, "id"> & { id?: string }): void {
    const id = edge.id ?? `${edge.source}->${edge.target}`;
    const existing = this.edges.get(id);
    // A highlighted edge wins over a context edge between the same two nodes.
    if (!existing || (edge.highlighted && !existing.highlighted)) this.edges.set(id, { ...edge, id });
  }

  build(): TTopology {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}
