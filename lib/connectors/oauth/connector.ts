import { z } from "zod";
import { defineConnector, requireValue, unsupported, type TConnectorContext, type TVerification } from "../contract";
import { providerRequest } from "../http";
import { ProviderError } from "../provider-error";
import { requestToken, withEndpointAuth } from "./client-auth";
import { discover, type TAuthServerMetadata } from "./metadata";
import { clientItems, parseRegistrations, readRegistration, verifyClientSecret, ZRegistrations } from "./registrations";

/**
 * A standards-only OAuth 2.0 / OpenID Connect authorization server: discovery (RFC 8414),
 * client-credentials issuance with resource indicators (RFC 8707), introspection (RFC 7662),
 * revocation (RFC 7009).
 */

export const ZOAuthConfig = z.object({
  issuer: z.url("The issuer must be a URL, e.g. https://auth.example.com").meta({ title: "Issuer URL", description: "Exactly as the server's metadata names it; discovery (RFC 8414, or OpenID) starts here." }),
  clientId: z.string().trim().min(1, "The client id is required").max(200).meta({ title: "Client id", description: "A confidential client allowed the client_credentials grant and introspection." }),
  tokenEndpointAuth: z
    .enum(["client_secret_basic", "client_secret_post"])
    .default("client_secret_basic")
    .meta({ title: "Client authentication", description: "How the client id and secret are sent to the token endpoint." }),
  defaultResource: z.url("The resource must be a URL").optional().meta({ title: "Default resource (RFC 8707)", description: "The audience issued tokens are bound to when a request names none." }),
  introspectionAuth: z
    .enum(["client_secret", "bearer_token"])
    .default("client_secret")
    .meta({
      title: "Introspection and revocation authentication",
      description:
        "client_secret: the client id and secret, as at the token endpoint (most servers). bearer_token: an access token Tokenward obtains for itself with client credentials and the introspection scope (servers such as Glewlwyd can require it; it may also let Tokenward verify other clients' tokens).",
    }),
  introspectionScope: z.string().trim().min(1).max(200).optional().meta({ title: "Introspection scope", description: "With bearer_token: the scope the server requires in the token that calls introspection and revocation." }),
}).superRefine((config, ctx) => {
  if (config.introspectionAuth === "bearer_token" && !config.introspectionScope) {
    ctx.addIssue({ code: "custom", path: ["introspectionScope"], message: "Introspection by bearer token needs the scope the server requires for it" });
  }
});
export const ZOAuthSecret = z.object({
  clientSecret: z.string().min(1, "The client secret is required").max(1000).meta({ title: "Client secret" }),
  registrations: ZRegistrations.optional().meta({
    title: "Client registrations to sync (RFC 7592)",
    description: "One client per line: its registration client URI and registration access token, separated by a space. Sync reads each client and its secret's metadata.",
    widget: "textarea",
  }),
});
type TConfig = z.infer<typeof ZOAuthConfig>;
type TSecret = z.infer<typeof ZOAuthSecret>;
type TCtx = TConnectorContext<TConfig, TSecret>;

const ZIntrospection = z.object({
  active: z.boolean(),
  scope: z.string().optional(),
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  exp: z.number().optional(),
  client_id: z.string().optional(),
  sub: z.string().optional(),
});

function endpoint(metadata: TAuthServerMetadata, name: "introspection_endpoint" | "revocation_endpoint", rfc: string): string {
  const url = metadata[name];
  if (!url) throw new ProviderError("unsupported", `${metadata.issuer} publishes no ${name} (${rfc}).`, { retryable: false });
  return url;
}

async function introspect(ctx: TCtx, metadata: TAuthServerMetadata, token: string) {
  const url = endpoint(metadata, "introspection_endpoint", "RFC 7662");
  const { data } = await withEndpointAuth(ctx, metadata, "introspection endpoint", (auth) =>
    providerRequest(url, ZIntrospection, { headers: auth.headers, form: { ...auth.form, token, token_type_hint: "access_token" }, timeoutMs: ctx.timeoutMs }),
  );
  return data;
}

/** The test reads the first registrations too: a mistyped token is refused before it is saved. */
const TESTED_REGISTRATIONS = 5;
async function checkRegistrations(ctx: TCtx): Promise<string> {
  const { registrations } = parseRegistrations(ctx.secret.registrations ?? "");
  if (registrations.length === 0) return "";
  const sample = registrations.slice(0, TESTED_REGISTRATIONS);
  for (const registration of sample) {
    if (!(await readRegistration(registration, ctx.config.issuer, ctx.timeoutMs))) {
      throw new ProviderError("http", `Registration line ${registration.line}: the server refused the registration access token (401): check the token, or remove the line if the client is gone.`, {
        retryable: false,
        status: 401,
      });
    }
  }
  return ` ${sample.length} of ${registrations.length} client registration${registrations.length === 1 ? "" : "s"} read.`;
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
      // without issuing anything (a wrong secret is 401, a good one {active:false}). With a bearer
      // token the token endpoint checks the secret first, and introspection the scope.
      run: async (ctx) => {
        const metadata = await discover(ctx.config.issuer, ctx.timeoutMs);
        const registrations = await checkRegistrations(ctx);
        if (metadata.introspection_endpoint) {
          await introspect(ctx, metadata, "tokenward-connection-test");
          const how = ctx.config.introspectionAuth === "bearer_token" ? ` with a token it obtained (scope "${ctx.config.introspectionScope}")` : "";
          return { ok: true, detail: `Metadata found at ${metadata.issuer}; client "${ctx.config.clientId}" authenticated at the introspection endpoint${how}.${registrations}` };
        }
        return { ok: true, detail: `Metadata found at ${metadata.issuer}; it publishes no introspection endpoint, so the client secret was not checked.${registrations}` };
      },
    },
    sync: {
      supported: true,
      // OAuth lists nothing; RFC 7592 reads each client the admin registered here, one at a time,
      // so memory stays flat however many there are.
      run: async function* (ctx) {
        const { registrations } = parseRegistrations(ctx.secret.registrations ?? "");
        if (registrations.length === 0) {
          throw new ProviderError("config", "Nothing to sync: add client registrations (RFC 7592 URI and token, one per line) to this provider's secret.", { retryable: false });
        }
        await discover(ctx.config.issuer, ctx.timeoutMs);
        let seen = 0;
        for (const registration of registrations) {
          const client = await readRegistration(registration, ctx.config.issuer, ctx.timeoutMs);
          if (client) yield* clientItems(client, registration);
          else yield { kind: "warning", message: `Registration line ${registration.line}: the server no longer knows this client (401); it is marked revoked upstream.` };
          yield { kind: "progress", seen: ++seen, total: registrations.length };
        }
      },
    },
    issue: {
      supported: true,
      run: async (ctx, request) => {
        const metadata = await discover(ctx.config.issuer, ctx.timeoutMs);
        const data = await requestToken(ctx, metadata, {
          scope: request.scopes.length > 0 ? request.scopes.join(" ") : undefined,
          resource: request.resource ?? ctx.config.defaultResource,
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
      appliesTo: { kinds: ["oauth_access_token", "oauth_refresh_token"], otherwise: "RFC 7009 revokes access and refresh tokens; a client secret ends with its client's registration (RFC 7592), which this connector does not delete." },
      needsValue: ["oauth_access_token", "oauth_refresh_token"],
      run: async (ctx, credential) => {
        const metadata = await discover(ctx.config.issuer, ctx.timeoutMs);
        const url = endpoint(metadata, "revocation_endpoint", "RFC 7009");
        const token = requireValue(credential, "revoke it (RFC 7009)");
        // RFC 7009 §2.2: success is 200 with an empty body, also for a token already invalid.
        await withEndpointAuth(ctx, metadata, "revocation endpoint", (auth) =>
          providerRequest(url, z.unknown(), { headers: auth.headers, form: { ...auth.form, token, token_type_hint: "access_token" }, timeoutMs: ctx.timeoutMs }),
        );
      },
    },
    verify: {
      supported: true,
      appliesTo: { kinds: ["oauth_access_token", "oauth_refresh_token", "client_secret"], otherwise: "Introspection (RFC 7662) answers for tokens, and RFC 7592 for client secrets; nothing else this server issues can be asked about." },
      needsValue: ["oauth_access_token", "oauth_refresh_token"],
      run: async (ctx, credential): Promise<TVerification> => {
        // A synced client secret is verified by reading its registration (RFC 7592), not introspected.
        if (!credential.value && credential.kind === "client_secret") return verifyClientSecret(ctx.secret.registrations ?? "", ctx.config.issuer, credential, ctx.timeoutMs);
        const metadata = await discover(ctx.config.issuer, ctx.timeoutMs);
        const data = await introspect(ctx, metadata, requireValue(credential, "introspect it (RFC 7662)"));
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
