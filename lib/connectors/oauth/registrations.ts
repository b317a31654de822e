import { z } from "zod";
import type { TCredentialRef, TSyncItem, TVerification } from "../contract";
import { fingerprintOf, hintOf } from "../fingerprint";
import { providerRequest } from "../http";
import { ProviderError } from "../provider-error";

/**
 * RFC 7592 client configuration: the only standard way to read an OAuth client's registration.
 * OAuth defines no API that lists a server's clients, so the admin gives the connector each
 * client's registration client URI and registration access token (RFC 7591 §3.2.1 returns both at
 * registration, dynamic or not), one per line. Sync reads each one; a client the server no longer
 * knows answers 401 (RFC 7592 §2.1), so it is not yielded and the inventory marks it revoked upstream.
 */

export type TRegistration = { line: number; uri: string; token: string };

const LINE_HINT = "expected \"<registration client URI> <registration access token>\"";

/** Parses the secret's registration lines; blank lines and lines starting with # are skipped. */
export function parseRegistrations(text: string): { registrations: TRegistration[]; errors: string[] } {
  const registrations: TRegistration[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const value = raw.trim();
    if (value === "" || value.startsWith("#")) return;
    const parts = value.split(/\s+/);
    if (parts.length !== 2) return void errors.push(`Line ${line}: ${LINE_HINT}.`);
    const [uri, token] = parts as [string, string];
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      return void errors.push(`Line ${line}: "${uri.slice(0, 80)}" is not a URL; ${LINE_HINT}.`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return void errors.push(`Line ${line}: the registration client URI must be http(s).`);
    if (url.username || url.password) return void errors.push(`Line ${line}: the URI must not carry a user name or password.`);
    if (seen.has(url.href)) return void errors.push(`Line ${line}: ${url.href} is listed twice.`);
    seen.add(url.href);
    registrations.push({ line, uri: url.href, token });
  });
  return { registrations, errors };
}

export const ZRegistrations = z
  .string()
  .max(200_000, "At most 200,000 characters")
  .superRefine((text, ctx) => {
    const { registrations, errors } = parseRegistrations(text);
    for (const message of errors.slice(0, 5)) ctx.addIssue({ code: "custom", message });
    if (registrations.length > 10_000) ctx.addIssue({ code: "custom", message: "At most 10,000 client registrations per provider." });
  });

/** RFC 7591 §3.2.1 client information response: the fields the inventory keeps. */
export const ZClientInformation = z.object({
  client_id: z.string().min(1).max(500),
  client_name: z.string().max(500).optional(),
  client_secret: z.string().optional(),
  client_secret_expires_at: z.number().nonnegative().optional(),
  client_id_issued_at: z.number().nonnegative().optional(),
  scope: z.string().optional(),
  grant_types: z.array(z.string()).optional(),
  // RFC 7591 §2 makes it one string; Glewlwyd's client read (RFC 7592 GET) returns the list it
  // stores. A client with any secret-based method has a secret; "none" only when that is all.
  token_endpoint_auth_method: z
    .union([z.string(), z.array(z.string())])
    .transform((m) => (Array.isArray(m) ? (m.find((x) => x !== "none") ?? m[0]) : m))
    .optional(),
});

/**
 * A registration must live on the issuer's own origin: the registration access token is a bearer
 * credential, and a line pointing elsewhere would hand it to another host.
 */
function requireIssuerOrigin(registration: TRegistration, issuer: string): void {
  if (new URL(registration.uri).origin !== new URL(issuer).origin) {
    throw new ProviderError("config", `Registration line ${registration.line}: ${new URL(registration.uri).origin} is not the issuer's origin (${new URL(issuer).origin}).`, {
      retryable: false,
    });
  }
}

/** Reads one client's registration; null when the server no longer knows it (401, RFC 7592 §2.1). */
export async function readRegistration(registration: TRegistration, issuer: string, timeoutMs?: number) {
  requireIssuerOrigin(registration, issuer);
  try {
    const { data } = await providerRequest(registration.uri, ZClientInformation, { headers: { authorization: `Bearer ${registration.token}` }, timeoutMs });
    return data;
  } catch (error) {
    if (error instanceof ProviderError && error.status === 401) return null;
    if (error instanceof ProviderError) throw new ProviderError(error.kind, `Registration line ${registration.line}: ${error.message}`, { ...error, retryable: error.retryable, cause: error });
    throw error;
  }
}

/**
 * Verifies a synced client secret (Tokenward keeps no value to introspect): the client's
 * registration, found by the URI its sync recorded, is read again. A client the server no longer
 * knows is inactive; so is a secret past its `client_secret_expires_at`.
 */
export async function verifyClientSecret(registrations: string, issuer: string, credential: TCredentialRef, timeoutMs?: number): Promise<TVerification> {
  const uri = credential.metadata?.registrationClientUri;
  const registration = typeof uri === "string" ? parseRegistrations(registrations).registrations.find((r) => r.uri === uri) : undefined;
  if (!registration) {
    throw new ProviderError("config", "This client secret's registration is no longer in the provider's secret (RFC 7592 lines): it cannot be read.", { retryable: false });
  }
  const client = await readRegistration(registration, issuer, timeoutMs);
  if (!client) return { active: false, scopes: [], audience: [] };
  const expiresAt = epoch(client.client_secret_expires_at);
  return {
    active: client.client_secret !== undefined && (!expiresAt || expiresAt > new Date()),
    scopes: client.scope ? client.scope.split(" ").filter(Boolean) : [],
    audience: [],
    expiresAt,
    clientId: client.client_id,
  };
}

function epoch(seconds: number | undefined): Date | undefined {
  return seconds ? new Date(seconds * 1000) : undefined;
}

/**
 * The client as an identity and, when it has one, its client secret as a credential. The secret
 * the server returns is fingerprinted here and dropped: only the fingerprint and a 4-character hint
 * leave this function, so a config scan that finds the same secret lights up this credential.
 */
export function clientItems(client: z.infer<typeof ZClientInformation>, registration: TRegistration): TSyncItem[] {
  const name = client.client_name?.trim() || client.client_id;
  const metadata = { grantTypes: client.grant_types ?? [], authMethod: client.token_endpoint_auth_method ?? "client_secret_basic", registrationClientUri: registration.uri };
  const items: TSyncItem[] = [{ kind: "identity", externalId: client.client_id, name, identityKind: "app", metadata }];
  const hasSecret = client.token_endpoint_auth_method !== "none" && client.client_secret !== undefined;
  if (hasSecret) {
    items.push({
      kind: "credential",
      externalId: `client_secret:${client.client_id}`,
      name: `${name} client secret`,
      credentialKind: "client_secret",
      identityExternalId: client.client_id,
      scopes: client.scope ? client.scope.split(" ").filter(Boolean) : [],
      issuedAt: epoch(client.client_id_issued_at),
      // RFC 7591: 0 means the secret never expires.
      expiresAt: epoch(client.client_secret_expires_at),
      fingerprint: fingerprintOf(client.client_secret!),
      hint: hintOf(client.client_secret!),
      metadata,
    });
  }
  return items;
}
