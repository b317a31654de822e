import { z } from "zod";
import { defineConnector, unsupported, type TConnectorContext, type TVerification } from "../contract";
import { providerRequest } from "../http";
import { ProviderError } from "../provider-error";
import { discover, type TAuthServerMetadata } from "./metadata";

/**
 * A standards-only OAuth 2.0 / OpenID Connect authorization server: discovery (RFC 8414),
 * client-credentials issuance with resource indicators (RFC 8707), introspection (RFC 7662),
 * revocation (RFC 7009).
 */

export const ZOAuthConfig = z.object({
  issuer: z.url("The issuer must be a URL, e.g. https://auth.example.com").describe("Issuer URL"),
  clientId: z.string().trim().min(1, "The client id is required").max(200).describe("Client id"),
  tokenEndpointAuth: z.enum(["client_secret_basic", "client_secret_post"]).default("client_secret_basic").describe("Client authentication"),
  defaultResource: z.url("The resource must be a URL").optional().describe("Default resource (RFC 8707)"),
});
export const ZOAuthSecret = z.object({
  clientSecret: z.string().min(1, "The client secret is required").max(1000).describe("Client secret"),
});
type TConfig = z.infer<typeof ZOAuthConfig>;
type TSecret = z.infer<typeof ZOAuthSecret>;
type TCtx = TConnectorContext<TConfig, TSecret>;

const ZTokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().min(1),
  expires_in: z.number().int().nonnegative().optional(),
  scope: z.string().optional(),
});

const ZIntrospection = z.object({
  active: z.boolean(),
  scope: z.string().optional(),
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  exp: z.number().optional(),
  client_id: z.string().optional(),
  sub: z.string().optional(),
});

/** RFC 6749 §2.3.1: id and secret are form-encoded before they go into the Basic header. */
function clientAuth(ctx: TCtx): { headers: Record<string, string>; form: Record<string, string> } {
  if (ctx.config.tokenEndpointAuth === "client_secret_post") {
    return { headers: {}, form: { client_id: ctx.config.clientId, client_secret: ctx.secret.clientSecret } };
  }
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
  const basic = Buffer.from(`${enc(ctx.config.clientId)}:${enc(ctx.secret.clientSecret)}`).toString("base64");
  return { headers: { authorization: `Basic ${basic}` }, form: {} };
}

function endpoint(metadata: TAuthServerMetadata, name: "introspection_endpoint" | "revocation_endpoint", rfc: string): string {
  const url = metadata[name];
  if (!url) throw new ProviderError("unsupported", `${metadata.issuer} publishes no ${name} (${rfc}).`, { retryable: false });
  return url;
}

async function introspect(ctx: TCtx, metadata: TAuthServerMetadata, token: string) {
  const auth = clientAuth(ctx);
  const { data } = await providerRequest(endpoint(metadata, "introspection_endpoint", "RFC 7662"), ZIntrospection, {
    headers: auth.headers,
    form: { ...auth.form, token, token_type_hint: "access_token" },
    timeoutMs: ctx.timeoutMs,
  });
  return data;
}

export const oauthConnector = defineConnector({
  label: "OAuth 2.0 / OIDC authorization server",
  description: "Any standards-compliant authorization server (Keycloak, Glewlwyd, Okta, Auth0, …): issues client-credentials tokens, introspects and revokes them.",
  configSchema: ZOAuthConfig,
  secretSchema: ZOAuthSecret,
  capabilities: {
    testConnection: {
      supported: true,
      // Discovery proves the URL; introspecting a throw-away token proves the client credentials
      // without issuing anything (a wrong secret is 401 invalid_client, a good one {active:false}).
      run: async (ctx) => {
        const metadata = await discover(ctx.config.issuer, ctx.timeoutMs);
        if (metadata.introspection_endpoint) {
          await introspect(ctx, metadata, "tokenward-connection-test");
          return { ok: true, detail: `Metadata found at ${metadata.issuer}; client "${ctx.config.clientId}" authenticated at the introspection endpoint.` };
        }
        return { ok: true, detail: `Metadata found at ${metadata.issuer}; it publishes no introspection endpoint, so the client secret was not checked.` };
      },
    },
    sync: unsupported("OAuth 2.0 defines no API to list an authorization server's clients or tokens."),
    issue: {
      supported: true,
      run: async (ctx, request) => {
        const metadata = await discover(ctx.config.issuer, ctx.timeoutMs);
        const auth = clientAuth(ctx);
        const { data } = await providerRequest(metadata.token_endpoint, ZTokenResponse, {
          headers: auth.headers,
          form: {
            ...auth.form,
            grant_type: "client_credentials",
            scope: request.scopes.length > 0 ? request.scopes.join(" ") : undefined,
            resource: request.resource ?? ctx.config.defaultResource,
          },
          timeoutMs: ctx.timeoutMs,
        });
        return {
          value: data.access_token,
          tokenType: data.token_type,
          scopes: data.scope ? data.scope.split(" ").filter(Boolean) : request.scopes,
          expiresAt: data.expires_in !== undefined ? new Date(Date.now() + data.expires_in * 1000) : undefined,
        };
      },
    },
    rotate: unsupported(
      "Rotating needs RFC 7592 client management (a registration access token per client); this connector does not implement it yet. Issue a new token and revoke the old one instead.",
    ),
    revoke: {
      supported: true,
      run: async (ctx, credential) => {
        const metadata = await discover(ctx.config.issuer, ctx.timeoutMs);
        const auth = clientAuth(ctx);
        // RFC 7009 §2.2: success is 200 with an empty body, also for a token already invalid.
        await providerRequest(endpoint(metadata, "revocation_endpoint", "RFC 7009"), z.unknown(), {
          headers: auth.headers,
          form: { ...auth.form, token: credential.value, token_type_hint: "access_token" },
          timeoutMs: ctx.timeoutMs,
        });
      },
    },
    verify: {
      supported: true,
      run: async (ctx, credential): Promise<TVerification> => {
        const metadata = await discover(ctx.config.issuer, ctx.timeoutMs);
        const data = await introspect(ctx, metadata, credential.value);
        return {
          active: data.active,
          scopes: data.scope ? data.scope.split(" ").filter(Boolean) : [],
          audience: data.aud === undefined ? [] : Array.isArray(data.aud) ? data.aud : [data.aud],
          expiresAt: data.exp !== undefined ? new Date(data.exp * 1000) : undefined,
          clientId: data.client_id,
          subject: data.sub,
        };
      },
    },
    lastUsed: unsupported("Introspection (RFC 7662) does not say when a token was last used; only the resource servers' logs know."),
  },
});
