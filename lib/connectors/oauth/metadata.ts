import { z } from "zod";
import { providerRequest } from "../http";
import { ProviderError } from "../provider-error";

/** RFC 8414 authorization-server metadata: the fields this connector uses. */
export const ZAuthServerMetadata = z.object({
  issuer: z.string().min(1),
  token_endpoint: z.url(),
  introspection_endpoint: z.url().optional(),
  revocation_endpoint: z.url().optional(),
  registration_endpoint: z.url().optional(),
  grant_types_supported: z.array(z.string()).optional(),
  scopes_supported: z.array(z.string()).optional(),
});
export type TAuthServerMetadata = z.infer<typeof ZAuthServerMetadata>;

/** RFC 8414 §3: the well-known segment goes between the host and the issuer's path. */
function wellKnown(issuer: string, suffix: string): string {
  const url = new URL(issuer);
  const path = url.pathname.replace(/\/$/, "");
  return `${url.origin}/.well-known/${suffix}${path}`;
}

/**
 * RFC 8414 metadata, falling back to OpenID Connect discovery (many servers, oidc-provider
 * included, publish only that). The issuer in the document must equal the configured one
 * (RFC 8414 §3.3), or a look-alike server could hand out its own endpoints.
 */
export async function discover(issuer: string, timeoutMs?: number): Promise<TAuthServerMetadata> {
  let metadata: TAuthServerMetadata;
  try {
    metadata = (await providerRequest(wellKnown(issuer, "oauth-authorization-server"), ZAuthServerMetadata, { timeoutMs })).data;
  } catch (error) {
    if (!(error instanceof ProviderError && error.status === 404)) throw error;
    const oidc = `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
    try {
      metadata = (await providerRequest(oidc, ZAuthServerMetadata, { timeoutMs })).data;
    } catch (inner) {
      if (inner instanceof ProviderError && inner.status === 404) {
        throw new ProviderError("config", `No authorization-server metadata at ${issuer} (neither RFC 8414 nor OpenID discovery): check the issuer URL.`, {
          retryable: false,
          status: 404,
        });
      }
      throw inner;
    }
  }
  if (metadata.issuer.replace(/\/$/, "") !== issuer.replace(/\/$/, "")) {
    throw new ProviderError("config", `The server says its issuer is "${metadata.issuer}", not "${issuer}": use its issuer URL exactly.`, {
      retryable: false,
    });
  }
  return metadata;
}
