import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handle, type TResult } from "./handlers";
import { error } from "./objects";
import type { TServedOperation } from "./spec";
import { createGithubValidator } from "./validator";
import { GithubWorld } from "./world";

/**
 * A stateful fake GitHub on 127.0.0.1 and an ephemeral port. Every request is checked against
 * GitHub's OpenAPI description before it is handled, every response before it is sent; anything
 * GitHub would refuse or would never send is answered as GitHub would (404/422/400) AND recorded
 * as a violation, which the tests assert empty (`takeViolations()`), so a connector that sends a
 * bad request fails its test even when it copes with the error.
 */

export type TInjectedFailure = { status: number; message: string; headers?: Record<string, string>; body?: string; contentType?: string };
export type TLogged = { method: string; path: string; operationId?: string; status: number };

export type TGithubPeer = Awaited<ReturnType<typeof startGithubPeer>>;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** `apiRoot` "/api/v3" serves the API the way GitHub Enterprise Server does; `port` fixes the port (e2e). */
export async function startGithubPeer(options: { apiRoot?: string; port?: number } = {}) {
  const apiRoot = options.apiRoot ?? "";
  const validator = await createGithubValidator(apiRoot);
  const world = new GithubWorld();
  const violations: string[] = [];
  const log: TLogged[] = [];
  const failures: { operationId: TServedOperation | "*"; failure: TInjectedFailure }[] = [];

  function send(res: ServerResponse, result: TResult) {
    // Date follows the fake's clock: @octokit/auth-app corrects a skewed JWT by it.
    const headers: Record<string, string> = { date: new Date(world.now()).toUTCString(), "x-github-request-id": randomUUID(), "x-github-api-version-selected": "2022-11-28", ...result.headers };
    if (result.body === undefined) {
      res.writeHead(result.status, headers);
      return res.end();
    }
    res.writeHead(result.status, { ...headers, "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(result.body));
  }

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const raw = await readBody(req);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
    const check = validator.checkRequest(method, url.pathname, url.search.slice(1), headers, raw);
    if (!check.ok) {
      violations.push(check.problem);
      log.push({ method, path: url.pathname, status: check.status });
      const message = check.status === 404 ? "Not Found" : check.status === 400 ? "Problems parsing JSON" : `Invalid request.\n\n${check.problem}`;
      return send(res, { status: check.status, body: error(check.status, message) });
    }
    const { matched } = check;
    const injected = failures.findIndex((f) => f.operationId === "*" || f.operationId === matched.operationId);
    let result: TResult;
    if (injected >= 0) {
      const { failure } = failures.splice(injected, 1)[0]!;
      if (failure.body !== undefined) {
        // Not GitHub at all (a proxy's page): sent as is, not checked against the spec.
        log.push({ method, path: url.pathname, operationId: matched.operationId, status: failure.status });
        res.writeHead(failure.status, { "content-type": failure.contentType ?? "text/html", ...failure.headers });
        return res.end(failure.body);
      }
      result = { status: failure.status, headers: failure.headers, body: error(failure.status, failure.message) };
    } else {
      const api = `http://${req.headers.host}${apiRoot}`;
      result = handle({ world, matched, authorization: req.headers.authorization, api, url });
    }
    violations.push(...validator.checkResponse(matched.operation, result.status, result.body));
    log.push({ method, path: url.pathname, operationId: matched.operationId, status: result.status });
    send(res, result);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((cause: unknown) => {
      violations.push(`the fake crashed on ${req.method} ${req.url}: ${String(cause)}`);
      if (!res.headersSent) send(res, { status: 500, body: error(500, "Server Error") });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    /** The API base URL a connector is configured with (GitHub's https://api.github.com). */
    url: `${origin}${apiRoot}`,
    world,
    log,
    specLoadMs: validator.loadMs,
    validatorInitMs: validator.initMs,
    specVersion: validator.version,
    /** The next request to `operationId` (or any, "*") gets this answer instead. */
    failNext(operationId: TServedOperation | "*", failure: TInjectedFailure) {
      failures.push({ operationId, failure });
    },
    /** What the fake refused or should not have sent since the last call; tests expect []. */
    takeViolations(): string[] {
      return violations.splice(0, violations.length);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
