import { z } from "zod";

/**
 * What the authorization probe reads from the outside world (every document is zod-parsed, so a
 * junk answer is a check's evidence, never a crash) and what it reports. No schema here ever holds
 * a token: evidence names tokens by their role ("a token for another resource").
 */

/** RFC 9728 protected-resource metadata: the fields the MCP authorization rules rely on. */
export const ZProtectedResourceMetadata = z.looseObject({
  resource: z.string().max(2000),
  authorization_servers: z.array(z.string().max(2000)).max(20).optional(),
  scopes_supported: z.array(z.string().max(200)).max(200).optional(),
  bearer_methods_supported: z.array(z.string().max(50)).max(10).optional(),
  resource_name: z.string().max(500).optional(),
});
export type TProtectedResourceMetadata = z.infer<typeof ZProtectedResourceMetadata>;

/** RFC 8414 / OpenID discovery: what the probe checks. */
export const ZAuthorizationServerMetadata = z.looseObject({
  issuer: z.string().max(2000),
  token_endpoint: z.string().max(2000).optional(),
  code_challenge_methods_supported: z.array(z.string().max(50)).max(20).optional(),
  client_id_metadata_document_supported: z.boolean().optional(),
  authorization_response_iss_parameter_supported: z.boolean().optional(),
});

/** RFC 6749 §5.1 token response (client credentials). */
export const ZTokenResponse = z.looseObject({
  access_token: z.string().min(1).max(16_000),
  token_type: z.string().max(50),
  expires_in: z.number().nonnegative().optional(),
});

export const PROBE_CHECK_IDS = [
  "unauthenticated",
  "prm-reachable",
  "prm-resource",
  "prm-authorization-servers",
  "as-metadata",
  "as-pkce-s256",
  "token-accepted",
  "token-other-resource",
  "token-no-audience",
  "token-expired",
  "token-untrusted-key",
  "token-in-query",
] as const;
export type TProbeCheckId = (typeof PROBE_CHECK_IDS)[number];

export const PROBE_CHECK_STATUSES = ["pass", "fail", "not_applicable"] as const;
export type TProbeCheckStatus = (typeof PROBE_CHECK_STATUSES)[number];

/** One HTTP exchange as evidence: the request (tokens named by role), status, excerpts. */
export const ZProbeEvidence = z.object({
  request: z.string().max(600),
  status: z.number().int().nullable(),
  header: z.string().max(600).optional(),
  body: z.string().max(600).optional(),
});
export type TProbeEvidence = z.infer<typeof ZProbeEvidence>;

export const ZProbeCheck = z.object({
  id: z.enum(PROBE_CHECK_IDS),
  title: z.string().max(200),
  status: z.enum(PROBE_CHECK_STATUSES),
  /** One sentence: why this status. */
  detail: z.string().max(1000),
  evidence: z.array(ZProbeEvidence).max(6),
});
export type TProbeCheck = z.infer<typeof ZProbeCheck>;
export const ZProbeChecks = z.array(ZProbeCheck).max(PROBE_CHECK_IDS.length);

export type TProbeOutcome = {
  result: "pass" | "fail" | "error";
  summary: string;
  checks: TProbeCheck[];
  protectedResourceMetadata: TProtectedResourceMetadata | null;
  /** Evidence sentence when the server accepted a token that was not bound to it; else null. */
  audienceGap: string | null;
};

/** The authorization server client the probe uses to obtain tokens (secret decrypted in memory only). */
export type TProbeClient = {
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  otherResource: string | null;
  scope: string | null;
  expiryWaitSeconds: number;
};
