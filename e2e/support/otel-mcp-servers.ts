// The usage e2e's peers, started in the test process on loopback: an "orders API" (the provider a
// tool reaches, with an RFC 8693 token-exchange endpoint), and real MCP servers built with
// @modelcontextprotocol/sdk whose tool calls the orders API — one forwarding the bearer token its
// client sent, one exchanging it for a new token per hop. Each server is instrumented with the
// OpenTelemetry Node SDK (@opentelemetry/sdk-trace-node) and exports its spans over OTLP/HTTP
// protobuf to Tokenward with an API key, using the attribute names of lib/usage/otlp/map-spans.ts.
import { createHash, randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { context, SpanKind, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import express from "express";

const fingerprint = (secret: string) => `sha256:${createHash("sha256").update(secret, "utf8").digest("hex")}`;

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}
const close = (server: Server) => new Promise<void>((r) => server.close(() => r()));

export type TOrdersApi = { url: string; seen: string[]; issued: string[]; close: () => Promise<void> };

/** The downstream API: answers GET /orders to any bearer (recording it) and exchanges tokens at POST /token. */
export async function startOrdersApi(): Promise<TOrdersApi> {
  const seen: string[] = [];
  const issued: string[] = [];
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.get("/orders", (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!token) return void res.status(401).json({ error: "invalid_token" });
    seen.push(token);
    res.json({ orders: [{ id: 1, total: 42 }] });
  });
  app.post("/token", (req, res) => {
    if (req.body.grant_type !== "urn:ietf:params:oauth:grant-type:token-exchange" || typeof req.body.subject_token !== "string") return void res.status(400).json({ error: "invalid_request" });
    const token = `orders-${randomBytes(12).toString("hex")}`;
    issued.push(token);
    res.json({ access_token: token, issued_token_type: "urn:ietf:params:oauth:token-type:access_token", token_type: "Bearer", expires_in: 60 });
  });
  const { server, url } = await listen(app);
  return { url, seen, issued, close: () => close(server) };
}

export type TInstrumentedMcp = { name: string; url: string; close: () => Promise<void> };

/**
 * A stateless MCP server with one tool, list_orders, that calls the orders API. `forward` passes on
 * the client's token (the passthrough the MCP authorization spec forbids); `exchange` trades it for
 * a token of its own per hop. Spans: the inbound tool call (agent → this server, the client's
 * token) and, as its child, the outbound call (this server → orders API, the token it used).
 */
export async function startInstrumentedMcp(opts: { name: string; mode: "forward" | "exchange"; orders: TOrdersApi; otlpUrl: string; apiKey: string }): Promise<TInstrumentedMcp> {
  const exporter = new OTLPTraceExporter({ url: opts.otlpUrl, headers: { authorization: `Bearer ${opts.apiKey}` }, timeoutMillis: 15_000 });
  const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ "service.name": opts.name }), spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 200 })] });
  const tracer = provider.getTracer("orders-mcp");

  const app = express();
  app.use(express.json());
  // Stateful sessions, as the SDK's own server example: the client's name (from initialize) is known
  // on its later tool calls, and is the caller the inbound span reports.
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  app.all("/mcp", async (req, res) => {
    const clientToken = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!clientToken) return void res.status(401).set("www-authenticate", 'Bearer realm="orders-mcp"').json({ error: "invalid_token" });
    const sessionId = req.headers["mcp-session-id"];
    const existing = typeof sessionId === "string" ? sessions.get(sessionId) : undefined;
    if (existing) return void (await existing.handleRequest(req, res, req.body));
    if (req.method !== "POST" || req.body?.method !== "initialize") return void res.status(400).json({ jsonrpc: "2.0", error: { code: -32000, message: "No session" }, id: null });
    const server = new McpServer({ name: opts.name, version: "1.0.0" });
    server.registerTool("list_orders", { description: "Lists the caller's orders from the orders API" }, async (extra) => {
      const token = /^Bearer (.+)$/.exec(String(extra.requestInfo?.headers.authorization ?? ""))?.[1] ?? clientToken;
      const caller = server.server.getClientVersion()?.name ?? "unknown-agent";
      const inbound = tracer.startSpan("tools/call list_orders", {
        kind: SpanKind.SERVER,
        attributes: {
          "tokenward.credential.fingerprint": fingerprint(token),
          "tokenward.caller.kind": "agent",
          "tokenward.caller.id": caller,
          "tokenward.target.kind": "mcp_server",
          "server.address": opts.name,
          "gen_ai.tool.name": "list_orders",
          "mcp.method.name": "tools/call",
        },
      });
      try {
        let downstreamToken = token;
        if (opts.mode === "exchange") {
          const exchanged = await fetch(`${opts.orders.url}/token`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:token-exchange", subject_token: token, subject_token_type: "urn:ietf:params:oauth:token-type:access_token", audience: opts.orders.url }),
            signal: AbortSignal.timeout(5_000),
          });
          downstreamToken = ((await exchanged.json()) as { access_token: string }).access_token;
        }
        const outbound = tracer.startSpan(
          "GET /orders",
          {
            kind: SpanKind.CLIENT,
            attributes: {
              "tokenward.credential.fingerprint": fingerprint(downstreamToken),
              "tokenward.caller.kind": "mcp_server",
              "tokenward.caller.id": opts.name,
              "tokenward.target.kind": "provider_api",
              "url.full": `${opts.orders.url}/orders`,
            },
          },
          trace.setSpan(context.active(), inbound),
        );
        const answer = await fetch(`${opts.orders.url}/orders`, { headers: { authorization: `Bearer ${downstreamToken}` }, signal: AbortSignal.timeout(5_000) });
        outbound.setAttribute("tokenward.outcome", answer.ok ? "allowed" : "denied");
        outbound.end();
        return { content: [{ type: "text", text: await answer.text() }] };
      } finally {
        inbound.end();
      }
    });
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomBytes(16).toString("hex"),
      enableJsonResponse: true,
      onsessioninitialized: (id) => void sessions.set(id, transport),
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  const { server, url } = await listen(app);
  return {
    name: opts.name,
    url: `${url}/mcp`,
    // Shutting the provider down flushes the spans still batched.
    close: async () => {
      await provider.shutdown();
      await close(server);
    },
  };
}

/** An agent: a real MCP client calling list_orders with its bearer token. */
export async function callListOrders(serverUrl: string, agentName: string, token: string): Promise<string> {
  const client = new Client({ name: agentName, version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(serverUrl), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  try {
    const result = (await client.callTool({ name: "list_orders", arguments: {} })) as { content: { type: string; text?: string }[] };
    return result.content.map((c) => c.text ?? "").join("");
  } finally {
    await client.close();
  }
}
