import { createHash } from "node:crypto";
import { z } from "zod";
import type { TConnectorContext } from "../contract";
import { providerRequest } from "../http";
import { ProviderError } from "../provider-error";
import type { TAuthServerMetadata } from "./metadata";

/**
 * How the connector proves who it is: at the token endpoint always with the client id and secret;
 * at introspection and revocation either the same way (RFC 7662 §2.1 / RFC 7009 §2.1, what
 * oidc-provider and most servers expect) or with an access token it obtains for itself
 * (RFC 7662 §2.1 allows "a separate OAuth 2.0 access token"; Glewlwyd can be set to accept only that).
 */

export type TAuthConfig = {
  clientId: string;
  tokenEndpointAuth: "client_secret_basic" | "client_secret_post";
  introspectionAuth: "client_secret" | "bearer_token";
  introspectionScope?: string;
};
export type TAuthCtx = TConnectorContext<TAuthConfig, { clientSecret: string }>;
type TAuth = { headers: Record<string, string>; form: Record<string, string> };

export const ZTokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().min(1),
  expires_in: z.number().int().nonnegative().optional(),
  scope: z.string().optional(),
});

/** RFC 6749 §2.3.1: id and secret are form-encoded before they go into the Basic header. */
export function clientAuth(ctx: TAuthCtx): TAuth {
  if (ctx.config.tokenEndpointAuth === "client_secret_post") {
    return { headers: {}, form: { client_id: ctx.config.clientId, client_secret: ctx.secret.clientSecret } };
  }
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
  const basic = Buffer.from(`${enc(ctx.config.clientId)}:${enc(ctx.secret.clientSecret)}`).toString("base64");
  return { headers: { authorization: `Basic ${basic}` }, form: {} };
}

/**
 * RFC 6749 §5.2 says a client refused after Basic authentication gets 401 invalid_client, but servers differ (Glewlwyd answers
 * 403 with an empty body at its token endpoint, 401 with an empty body at introspection), so
 * both statuses become one message that says what to check. Status and provider words are kept.
 */
export async function explainRefusal<T>(call: Promise<T>, what: string, check: string): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof ProviderError) || (error.status !== 401 && error.status !== 403)) throw error;
    const said = error.providerMessage ? `: ${error.providerMessage}` : "";
    throw new ProviderError("http", `${what} (HTTP ${error.status}${said}): ${check}.`, { retryable: false, status: error.status, providerMessage: error.providerMessage, cause: error });
  }
}

/** Client credentials grant (RFC 6749 §4.4), with an RFC 8707 resource when one is given. */
export async function requestToken(ctx: TAuthCtx, metadata: TAuthServerMetadata, request: { scope?: string; resource?: string }) {
  const auth = clientAuth(ctx);
  const { data } = await explainRefusal(
    providerRequest(metadata.token_endpoint, ZTokenResponse, {
      headers: auth.headers,
      form: { ...auth.form, grant_type: "client_credentials", scope: request.scope, resource: request.resource },
      timeoutMs: ctx.timeoutMs,
    }),
    `The token endpoint refused client "${ctx.config.clientId}"`,
    "check the client id and secret, that the client may use the client_credentials grant, and the scopes requested",
  );
  return data;
}

/**
 * Access tokens the connector obtained for introspection, reused until shortly before they expire so
 * that verifying many credentials does not mint a token each. Keyed by a hash that includes the
 * secret: a changed secret never reuses a token obtained with the old one.
 */
const bearerCache = new Map<string, { token: string; expiresAt: number }>();
const REUSE_MARGIN_MS = 30_000;
const DEFAULT_BEARER_TTL_MS = 60_000;

async function bearerToken(ctx: TAuthCtx, metadata: TAuthServerMetadata, fresh: boolean): Promise<{ token: string; cached: boolean }> {
  const scope = ctx.config.introspectionScope;
  if (!scope) throw new ProviderError("config", "Introspection by bearer token needs the scope the server requires for it (introspection scope).", { retryable: false });
  const key = createHash("sha256").update(JSON.stringify([metadata.token_endpoint, ctx.config.clientId, ctx.secret.clientSecret, scope])).digest("hex");
  const hit = bearerCache.get(key);
  if (!fresh && hit && hit.expiresAt - REUSE_MARGIN_MS > Date.now()) return { token: hit.token, cached: true };
  const data = await requestToken(ctx, metadata, { scope });
  for (const [k, v] of bearerCache) if (v.expiresAt <= Date.now()) bearerCache.delete(k);
  bearerCache.set(key, { token: data.access_token, expiresAt: Date.now() + (data.expires_in !== undefined ? data.expires_in * 1000 : DEFAULT_BEARER_TTL_MS) });
  return { token: data.access_token, cached: false };
}

/**
 * Calls introspection or revocation authenticated as configured. A cached bearer token the server
 * no longer accepts (revoked, server restarted) is replaced once; a fresh one refused is reported.
 */
export async function withEndpointAuth<T>(ctx: TAuthCtx, metadata: TAuthServerMetadata, endpointName: string, call: (auth: TAuth) => Promise<T>): Promise<T> {
  if (ctx.config.introspectionAuth !== "bearer_token") {
    return explainRefusal(
      call(clientAuth(ctx)),
      `The ${endpointName} refused client "${ctx.config.clientId}"`,
      "check the client id and secret; if the server requires an access token there, set introspection authentication to bearer_token",
    );
  }
  const what = `The ${endpointName} refused the access token Tokenward obtained with scope "${ctx.config.introspectionScope}"`;
  const check = "check that the server requires exactly this scope for introspection and revocation";
  const first = await bearerToken(ctx, metadata, false);
  try {
    return await call({ headers: { authorization: `Bearer ${first.token}` }, form: {} });
  } catch (error) {
    if (!(first.cached && error instanceof ProviderError && error.status === 401)) return explainRefusal(Promise.reject(error), what, check);
  }
  const second = await bearerToken(ctx, metadata, true);
  return explainRefusal(call({ headers: { authorization: `Bearer ${second.token}` }, form: {} }), what, check);
}
