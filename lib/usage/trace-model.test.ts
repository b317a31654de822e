import { describe, expect, it } from "vitest";
import { forwardedEdges, traceGraph, type THop } from "@/lib/usage/trace-model";

const A = { id: "cred-a", name: "client token", hint: "aaaa" };
const B = { id: "cred-b", name: "server's own token", hint: "bbbb" };

function hop(id: string, over: Partial<THop>): THop {
  return { id, time: `2026-12-01T10:00:0${id.length}.000Z`, spanId: `s-${id}`, parentSpanId: null, credential: A, caller: { kind: "agent", id: "agent", environment: "prod" }, target: { kind: "mcp_server", id: "jira-mcp", audience: "https://jira-mcp/mcp" }, tool: null, outcome: "allowed", ...over };
}

describe("forwardedEdges", () => {
  it("flags the hop where a server presents the token it was given to another target", () => {
    const hops = [hop("1", {}), hop("2", { parentSpanId: "s-1", caller: { kind: "mcp_server", id: "jira-mcp", environment: "prod" }, target: { kind: "provider_api", id: "api.github.com", audience: null } })];
    expect(forwardedEdges(hops)).toEqual(["2"]);
    const graph = traceGraph(hops, ["2"]);
    expect(graph.nodes.map((n) => n.id)).toEqual(["agent:agent", "mcp_server:jira-mcp", "provider_api:api.github.com"]);
    expect(graph.edges.map((e) => e.forwarded)).toEqual([false, true]);
  });

  it("does not flag near-misses: the same token twice at its own audience, two different tokens, an exchange per hop", () => {
    expect(forwardedEdges([hop("1", {}), hop("22", {})])).toEqual([]);
    const exchanged = hop("2", { parentSpanId: "s-1", credential: B, caller: { kind: "mcp_server", id: "jira-mcp", environment: "prod" }, target: { kind: "provider_api", id: "api.github.com", audience: null } });
    expect(forwardedEdges([hop("1", {}), exchanged])).toEqual([]);
    // A server using the client's token toward another target without having received it in this trace.
    const unrelated = hop("3", { caller: { kind: "mcp_server", id: "other-mcp", environment: "prod" }, target: { kind: "provider_api", id: "api.github.com", audience: null } });
    expect(forwardedEdges([hop("1", {}), unrelated])).toEqual([]);
  });
});
