import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/core";
import type { z } from "zod";
import { DEFAULT_PROVIDER_TIMEOUT_MS } from "../http";
import { ProviderError } from "../provider-error";
import type { TGithubCtx } from "./config";
import { toProviderError, TransportFailure } from "./errors";

/**
 * The one way this connector talks to GitHub: Octokit (with @octokit/auth-app for the App JWT and
 * installation tokens) over a fetch that puts one timeout on connect, headers and body, refuses
 * redirects, and reports network failures as what they are. Responses are parsed with zod.
 */

const API_VERSION = "2022-11-28";
const NULL_BODY = new Set([204, 205, 304]);

function describeNetworkError(cause: unknown): string {
  const code = (cause as { cause?: { code?: string } })?.cause?.code;
  if (code === "ENOTFOUND") return "the host name does not resolve";
  if (code === "ECONNREFUSED") return "the connection was refused";
  return code ?? "the connection failed";
}

/** Reads the whole body under the same signal, so a peer that trickles its body times out too. */
export function boundedFetch(timeoutMs: number, host: string): typeof fetch {
  return async (input, init) => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(input, { ...init, signal, redirect: "manual" });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        throw new TransportFailure("redirect", `${host} answered HTTP ${response.status} (redirects to ${response.headers.get("location") ?? "?"}; use the final URL).`, response.status);
      }
      const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (cause) {
      if (cause instanceof TransportFailure) throw cause;
      const name = (cause as { name?: string })?.name;
      if (name === "TimeoutError" || name === "AbortError") throw new TransportFailure("timeout", `${host} did not answer within ${timeoutMs / 1000} s.`);
      throw new TransportFailure("unreachable", `Could not reach ${host}: ${describeNetworkError(cause)}.`);
    }
  };
}

export type TResponse<T> = { data: T; headers: Record<string, string | number | undefined> };

export type TGithubSession = ReturnType<typeof githubSession>;

export function githubSession(ctx: TGithubCtx) {
  const { apiBaseUrl, appId } = ctx.config;
  const host = new URL(apiBaseUrl).host;
  const common = {
    baseUrl: apiBaseUrl,
    userAgent: "tokenward-github-connector",
    request: { fetch: boundedFetch(ctx.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS, host) },
    // auth-app's notes (clock skew, a retried 401 right after minting) carry no secret but are noise.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  };
  /** App JWT on /app routes; an installation token, minted and cached by auth-app, on the others. */
  const asApp = (installationId?: number) => new Octokit({ ...common, authStrategy: createAppAuth, auth: { appId, privateKey: ctx.secret.privateKey, ...(installationId ? { installationId } : {}) } });
  const app = asApp();
  return {
    host,
    apiBaseUrl,
    app,
    installation: (installationId: number) => asApp(installationId),
    /** Calls made with a token Tokenward was handed (verify, revoke by value). */
    withToken: (token: string) => new Octokit({ ...common, auth: token }),
    /** POST /credentials/revoke refuses authenticated calls. */
    anonymous: () => new Octokit(common),
  };
}

/**
 * One request, its answer parsed. A non-JSON success body (a login page, a proxy's error) is
 * refused here: Octokit hands it over as text.
 */
export async function call<S extends z.ZodType>(
  session: TGithubSession,
  octokit: Octokit,
  route: string,
  params: Record<string, unknown>,
  schema: S,
  options: { forbidden?: string } = {},
): Promise<TResponse<z.infer<S>>> {
  let response: Awaited<ReturnType<Octokit["request"]>>;
  try {
    response = await octokit.request(route, { ...params, headers: { "x-github-api-version": API_VERSION } });
  } catch (error) {
    throw toProviderError(error, session.host, options);
  }
  // Octokit parses JSON bodies; anything else (a login page, a proxy's error, JSON that does not
  // parse) reaches us as text or bytes.
  const data: unknown = response.data;
  if ((typeof data === "string" && data !== "") || data instanceof ArrayBuffer) {
    const contentType = String(response.headers["content-type"] ?? "no content type");
    const preview = typeof data === "string" ? data.slice(0, 60) : `${data.byteLength} bytes`;
    throw new ProviderError("invalid_response", `${session.host} did not answer with JSON (got ${contentType}: "${preview}").`, { retryable: false, status: response.status });
  }
  const parsed = schema.safeParse(data === "" ? undefined : data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "the body";
    throw new ProviderError("invalid_response", `${session.host} answered ${route.split(" ")[1]} in an unexpected shape (${where}: ${issue?.message}).`, { retryable: false, status: response.status });
  }
  return { data: parsed.data, headers: response.headers as TResponse<unknown>["headers"] };
}

/** The `rel="next"` URL of a Link header, only if it stays on the configured API (it would carry our token). */
export function nextPageUrl(link: string | number | undefined, apiBaseUrl: string): string | undefined {
  if (typeof link !== "string") return undefined;
  const match = /<([^<>]+)>;\s*rel="next"/.exec(link);
  if (!match) return undefined;
  const next = new URL(match[1]!, apiBaseUrl);
  const base = new URL(apiBaseUrl);
  if (next.origin !== base.origin || !next.pathname.startsWith(base.pathname.replace(/\/$/, ""))) {
    throw new ProviderError("invalid_response", `GitHub's next page points to ${next.origin}, outside ${base.origin}: refusing to follow it with this provider's token.`, { retryable: false });
  }
  return next.href;
}

/** Page by page (never the whole list in memory), following Link headers as GitHub paginates. */
export async function* pages<S extends z.ZodType>(
  session: TGithubSession,
  octokit: Octokit,
  route: string,
  params: Record<string, unknown>,
  schema: S,
  options: { forbidden?: string } = {},
): AsyncGenerator<z.infer<S>> {
  let page = await call(session, octokit, route, params, schema, options);
  for (;;) {
    yield page.data;
    const next = nextPageUrl(page.headers.link, session.apiBaseUrl);
    if (!next) return;
    page = await call(session, octokit, `GET ${next}`, {}, schema, options);
  }
}
