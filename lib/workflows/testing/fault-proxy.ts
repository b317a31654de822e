import { createServer, request as forwardRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An HTTP proxy in front of a real peer (oidc-provider, Glewlwyd, the fake GitHub, emulate's IAM
 * front) that injects faults from OUTSIDE the app: the provider is configured with the proxy's URL,
 * and the app's code cannot tell. Every request is logged with the peer's status, so tests count
 * what took effect at the peer. Faults, armed per rule on the N-th matching request:
 * - `error`: answered by the proxy (503 or as given), never forwarded — nothing happened upstream;
 * - `timeout`: forwarded (the peer acts), its answer withheld until the client gives up;
 * - `crash`: forwarded (the peer acts), its answer withheld, and `held()` resolves so the test can
 *   SIGKILL the worker that is waiting for it (or SIGTERM it, then `release()` the answer).
 * The peer's origin is rewritten to the proxy's in bodies and Location/Link headers (discovery
 * documents, pagination), so follow-up calls come back through the proxy. The Host header is passed
 * unchanged: AWS SigV4 signs it.
 */

export type TFaultAction = "error" | "timeout" | "crash";

export type TSeen = {
  seq: number;
  method: string;
  path: string;
  body: string;
  /** The peer's status; null when the proxy answered (error) or the peer was not reached. */
  status: number | null;
  peerBody: string;
  fault: TFaultAction | null;
  at: number;
};

export type TRule = {
  match: (seen: TSeen, log: readonly TSeen[]) => boolean;
  action: TFaultAction;
  /** Fault from the nth matching request on (1-based, default 1)… */
  nth?: number;
  /** …this many times (default 1; Infinity = until disarmed). */
  times?: number;
  error?: { status: number; contentType: string; body: string };
};

type TArmed = TRule & { matched: number; faulted: number };

export type TFaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;

const DEFAULT_ERROR = { status: 503, contentType: "application/json", body: JSON.stringify({ error: "temporarily_unavailable", message: "injected by the fault proxy" }) };

export async function startFaultProxy(target: string) {
  const upstream = new URL(target);
  const log: TSeen[] = [];
  let rules: TArmed[] = [];
  let heldWaiters: ((seen: TSeen) => void)[] = [];
  const held: TSeen[] = [];
  const withheld: (() => void)[] = [];
  let origin = "";

  const rewrite = (text: string) => text.split(upstream.origin).join(origin);

  function forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers };
      delete headers["accept-encoding"];
      const out = forwardRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 502, headers: res.headers as Record<string, string | string[]>, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      out.on("error", reject);
      out.end(body);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const seen: TSeen = { seq: log.length + 1, method: req.method ?? "GET", path: req.url ?? "/", body: body.toString("utf8"), status: null, peerBody: "", fault: null, at: Date.now() };
    const rule = rules.find((r) => r.faulted < (r.times ?? 1) && r.match(seen, log) && ++r.matched >= (r.nth ?? 1));
    log.push(seen);
    if (rule) {
      rule.faulted++;
      seen.fault = rule.action;
    }
    if (rule?.action === "error") {
      const e = rule.error ?? DEFAULT_ERROR;
      res.writeHead(e.status, { "content-type": e.contentType });
      res.end(e.body);
      return;
    }
    const answer = await forward(req, body);
    seen.status = answer.status;
    const text = answer.body.toString("utf8");
    seen.peerBody = text;
    const send = () => {
      if (res.destroyed) return;
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(answer.headers)) {
        if (k === "content-length" || k === "transfer-encoding" || k === "connection" || k === "keep-alive") continue;
        headers[k] = k === "location" || k === "link" ? (Array.isArray(v) ? v.map(rewrite) : rewrite(v)) : v;
      }
      const out = Buffer.from(rewrite(text), "utf8");
      res.writeHead(answer.status, { ...headers, "content-length": String(out.length) });
      res.end(out);
    };
    if (rule) {
      // The peer acted; its answer is withheld (a crash rule's until release()), dropped when the caller goes away.
      req.socket.once("close", () => res.destroy());
      if (rule.action === "crash") {
        held.push(seen);
        withheld.push(send);
        for (const wake of heldWaiters) wake(seen);
        heldWaiters = [];
      }
      return;
    }
    send();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("fault proxy: the peer did not answer");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    /** The proxy's URL with the target's path (an issuer with a path keeps it). */
    url: `${origin}${upstream.pathname === "/" ? "" : upstream.pathname}`,
    origin,
    log,
    arm(...armed: TRule[]) {
      rules.push(...armed.map((r) => ({ ...r, matched: 0, faulted: 0 })));
    },
    disarm() {
      rules = [];
    },
    /** Forget the log and the rules: a new scenario. */
    reset() {
      log.length = 0;
      held.length = 0;
      withheld.length = 0;
      rules = [];
    },
    /** Delivers the answers withheld by `crash` rules (to a worker that was asked to stop, not killed). */
    release() {
      for (const send of withheld.splice(0)) send();
    },
    /** Resolves with the request whose answer is being withheld for a `crash` rule. */
    held(): Promise<TSeen> {
      const already = held.shift();
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => heldWaiters.push((s) => {
        held.shift();
        resolve(s);
      }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
