import { audiencesOf, decodeJwt, forgeWithUntrustedKey } from "@/lib/mcp-servers/probe/jwt";
import { jsonOf, probeFetch, ProbeHttpError, vetProbeUrl, type TProbeResponse } from "@/lib/mcp-servers/probe/http";
import {
  PROBE_CHECK_IDS, ZAuthorizationServerMetadata, ZProtectedResourceMetadata, ZTokenResponse,
  type TProbeCheck, type TProbeCheckId, type TProbeClient, type TProbeEvidence, type TProbeOutcome, type TProtectedResourceMetadata,
} from "@/lib/mcp-servers/probe/schemas";

/**
 * The MCP authorization probe (MCP specification 2026-07-28, "Authorization"; ../shared/DESIGN.md):
 * what a governance tool can check from outside a remote MCP server. Pure of the database: it gets
 * the server URL and, optionally, a client of an authorization server the MCP server trusts, and
 * returns every check as PASS / FAIL / NOT APPLICABLE with its evidence. Tokens it obtains or forges
 * live in memory for the run; evidence names them by role and every excerpt is scrubbed of them.
 *
 * How each token that must be refused is obtained (honestly, from the outside):
 * - valid (the control): client credentials with `resource` = the server's URL (RFC 8707). If the
 *   server refuses it, refusing bad tokens proves nothing: the token checks are NOT APPLICABLE.
 * - another resource: client credentials with `resource` = the configured other resource;
 * - no audience: client credentials without `resource` (NOT APPLICABLE if the JWT has an `aud`);
 * - expired: a valid token whose lifetime is within the configured wait, presented after it expired;
 * - untrusted key: the valid JWT's header and claims, re-signed by a key generated for this run;
 * - in the query string: the valid token as `?access_token=` with no Authorization header.
 */

const TITLES: Record<TProbeCheckId, string> = {
  "unauthenticated": "Unauthenticated request gets 401 with a metadata challenge",
  "prm-reachable": "Protected-resource metadata (RFC 9728) is reachable",
  "prm-resource": "Metadata `resource` is the server's URL",
  "prm-authorization-servers": "Metadata names an authorization server",
  "as-metadata": "Authorization server metadata (RFC 8414) has a matching issuer",
  "as-pkce-s256": "Authorization server supports PKCE S256",
  "token-accepted": "A token issued for this server is accepted (control)",
  "token-other-resource": "A token for another resource is refused (RFC 8707)",
  "token-no-audience": "A token without audience is refused",
  "token-expired": "An expired token is refused",
  "token-untrusted-key": "A token signed by an untrusted key is refused",
  "token-in-query": "A token in the query string is refused",
};

const EXCERPT = 200;
const PING = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" });
/** A token lives at most this long for the expiry check, whatever the settings say. */
export const MAX_EXPIRY_WAIT_SECONDS = 120;

export type TProbeOptions = {
  client?: TProbeClient | null;
  timeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

/** Canonical form for comparing resource identifiers: no fragment, no trailing slash, URL-normalised. */
export function comparableResource(value: string): string | null {
  try {
    const u = new URL(value);
    u.hash = "";
    return u.href.replace(/\/$/, "");
  } catch {
    return null;
  }
}

function isLoopback(url: URL): boolean {
  const h = url.hostname.replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\./.test(h);
}

/** `resource_metadata="…"` from a WWW-Authenticate header. */
export function resourceMetadataOf(header: string | null): string | null {
  const m = header?.match(/resource_metadata="([^"]*)"/i) ?? header?.match(/resource_metadata=([^\s,]+)/i);
  return m ? m[1]! : null;
}

export async function runProbe(serverUrl: string, options: TProbeOptions = {}): Promise<TProbeOutcome> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const timeoutMs = options.timeoutMs;
  const secrets = new Set<string>();
  const scrub = (text: string): string => {
    let out = text;
    for (const s of secrets) if (s) out = out.split(s).join("<redacted>");
    return out;
  };
  const excerpt = (text: string) => {
    const t = scrub(text).replace(/\s+/g, " ").trim();
    return t.length > EXCERPT ? `${t.slice(0, EXCERPT)}…` : t;
  };
  const checks = new Map<TProbeCheckId, TProbeCheck>();
  const record = (id: TProbeCheckId, status: TProbeCheck["status"], detail: string, evidence: TProbeEvidence[] = []) => {
    checks.set(id, { id, title: TITLES[id], status, detail: scrub(detail), evidence });
  };
  const evidenceOf = (request: string, r: TProbeResponse | null, header?: string): TProbeEvidence => ({
    request,
    status: r?.status ?? null,
    ...(r && header && r.headers.get(header) ? { header: `${header}: ${excerpt(r.headers.get(header)!)}` } : {}),
    ...(r && r.text ? { body: excerpt(r.text) + (r.truncated ? " (body cut at the size limit)" : "") } : {}),
  });
  const failed = (request: string, error: unknown): TProbeEvidence => ({
    request,
    status: null,
    body: excerpt(error instanceof ProbeHttpError ? error.message : "request failed"),
  });

  const finish = (protectedResourceMetadata: TProtectedResourceMetadata | null, unreachable?: string): TProbeOutcome => {
    const list = PROBE_CHECK_IDS.flatMap((id) => checks.get(id) ?? []);
    const fails = list.filter((c) => c.status === "fail");
    const na = list.filter((c) => c.status === "not_applicable").length;
    const gaps: string[] = [];
    if (checks.get("token-other-resource")?.status === "fail") gaps.push("a token issued for another resource");
    if (checks.get("token-no-audience")?.status === "fail") gaps.push("a token with no audience");
    const result = unreachable ? "error" : fails.length > 0 ? "fail" : "pass";
    const summary = unreachable
      ? `Could not probe: ${unreachable}`
      : fails.length > 0
        ? `${fails.length} of ${list.length} checks failed: ${fails.map((c) => `“${c.title.replace(/`/g, "")}”`).join(", ")}`
        : `All ${list.length - na} applicable checks passed${na ? ` (${na} not applicable)` : ""}`;
    return { result, summary: scrub(summary).slice(0, 1000), checks: list, protectedResourceMetadata, audienceGap: gaps.length ? `accepted ${gaps.join(" and ")}` : null };
  };

  let server: URL;
  try {
    server = await vetProbeUrl(serverUrl);
  } catch (error) {
    record("unauthenticated", "fail", "The server URL cannot be probed.", [failed(`POST ${serverUrl.slice(0, 200)}`, error)]);
    return finish(null, error instanceof ProbeHttpError ? error.message : "invalid URL");
  }

  const mcpHeaders = (token?: string): Record<string, string> => ({
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-method": "ping",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  const callServer = (token?: string, url: string = server.href) => probeFetch(url, { method: "POST", headers: mcpHeaders(token), body: PING, timeoutMs });

  // 1. Unauthenticated request.
  let challenge: string | null = null;
  let unauth: TProbeResponse;
  const unauthRequest = `POST ${server.href} (JSON-RPC ping, no Authorization header)`;
  try {
    unauth = await callServer();
  } catch (error) {
    record("unauthenticated", "fail", "The server did not answer.", [failed(unauthRequest, error)]);
    return finish(null, error instanceof ProbeHttpError ? error.message : "the server did not answer");
  }
  const unauthEvidence = evidenceOf(unauthRequest, unauth, "www-authenticate");
  const wwwAuth = unauth.headers.get("www-authenticate");
  challenge = resourceMetadataOf(wwwAuth);

  // 2. Protected-resource metadata: the challenge's link, else the well-known locations (path first).
  const path = server.pathname !== "/" ? server.pathname.replace(/\/$/, "") : "";
  const candidates = [
    ...(challenge ? [challenge] : []),
    ...(path ? [new URL(`/.well-known/oauth-protected-resource${path}`, server).href] : []),
    new URL("/.well-known/oauth-protected-resource", server).href,
  ];
  let prm: TProtectedResourceMetadata | null = null;
  let prmUrl: string | null = null;
  const prmEvidence: TProbeEvidence[] = [];
  let prmProblem = "no metadata document was found";
  for (const candidate of challenge ? candidates.slice(0, 1) : candidates) {
    const request = `GET ${candidate.slice(0, 300)}`;
    try {
      const r = await probeFetch(candidate, { headers: { accept: "application/json" }, timeoutMs });
      prmEvidence.push(evidenceOf(request, r));
      if (r.status !== 200) { prmProblem = `${candidate} answered HTTP ${r.status}`; continue; }
      const parsed = ZProtectedResourceMetadata.safeParse(jsonOf(r.text));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        prmProblem = `${candidate} is not protected-resource metadata (${issue?.path.join(".") || "body"}: ${issue?.message})`;
        continue;
      }
      prm = parsed.data;
      prmUrl = candidate;
      break;
    } catch (error) {
      prmEvidence.push(failed(request, error));
      prmProblem = error instanceof ProbeHttpError ? error.message : "request failed";
    }
  }

  if (unauth.status !== 401) {
    record("unauthenticated", "fail", `Answered HTTP ${unauth.status} without any token; it must answer 401.`, [unauthEvidence]);
  } else if (!wwwAuth || !/^\s*bearer\b/i.test(wwwAuth)) {
    record("unauthenticated", "fail", "Answered 401 without a `WWW-Authenticate: Bearer` challenge.", [unauthEvidence]);
  } else if (challenge) {
    record("unauthenticated", "pass", "401 with `WWW-Authenticate: Bearer … resource_metadata=` naming the metadata.", [unauthEvidence]);
  } else if (prm) {
    record("unauthenticated", "pass", "401 with a Bearer challenge; no `resource_metadata` in it, but the metadata is at the well-known location clients fall back to.", [unauthEvidence]);
  } else {
    record("unauthenticated", "fail", "401 with a Bearer challenge that has no `resource_metadata`, and no metadata at the well-known locations either.", [unauthEvidence]);
  }

  if (!prm) {
    record("prm-reachable", "fail", `No protected-resource metadata: ${prmProblem}.`, prmEvidence.slice(0, 3));
    record("prm-resource", "not_applicable", "No metadata to read.");
    record("prm-authorization-servers", "not_applicable", "No metadata to read.");
  } else {
    record("prm-reachable", "pass", `Metadata served at ${prmUrl}.`, prmEvidence.slice(-1));
    const resource = comparableResource(prm.resource);
    let resourceUrl: URL | null = null;
    try { resourceUrl = new URL(prm.resource); } catch { /* reported below */ }
    if (!resource || !resourceUrl) record("prm-resource", "fail", `\`resource\` "${prm.resource.slice(0, 200)}" is not an absolute URI.`);
    else if (resource !== comparableResource(server.href)) record("prm-resource", "fail", `\`resource\` is ${prm.resource}, not this server's URL ${server.href}: clients would request tokens for another audience.`);
    else if (resourceUrl.hash) record("prm-resource", "fail", "`resource` has a fragment; the canonical URI must not.");
    else if (resourceUrl.protocol !== "https:" && !isLoopback(resourceUrl)) record("prm-resource", "fail", `\`resource\` uses ${resourceUrl.protocol}; the canonical URI must be https.`);
    else record("prm-resource", "pass", `\`resource\` is ${prm.resource}${resourceUrl.protocol === "http:" ? " (http allowed on loopback only)" : ""}.`);
    const servers = prm.authorization_servers ?? [];
    if (servers.length === 0) record("prm-authorization-servers", "fail", "`authorization_servers` is missing or empty.");
    else record("prm-authorization-servers", "pass", `Names ${servers.slice(0, 3).join(", ")}.`);
  }

  // 3. The first authorization server's metadata: RFC 8414, then OpenID discovery.
  const issuer = prm?.authorization_servers?.[0];
  if (!issuer) {
    record("as-metadata", "not_applicable", "No authorization server to look up.");
    record("as-pkce-s256", "not_applicable", "No authorization server to look up.");
  } else {
    let asUrl: URL | null = null;
    try { asUrl = new URL(issuer); } catch { /* below */ }
    if (!asUrl) {
      record("as-metadata", "fail", `Authorization server "${issuer.slice(0, 200)}" is not a URL.`);
      record("as-pkce-s256", "not_applicable", "No authorization server metadata.");
    } else {
      const asPath = asUrl.pathname !== "/" ? asUrl.pathname.replace(/\/$/, "") : "";
      const discovery = asPath
        ? [`/.well-known/oauth-authorization-server${asPath}`, `/.well-known/openid-configuration${asPath}`, `${asPath}/.well-known/openid-configuration`]
        : ["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"];
      const asEvidence: TProbeEvidence[] = [];
      let meta: ReturnType<typeof ZAuthorizationServerMetadata.parse> | null = null;
      let problem = "no metadata document was found";
      for (const p of discovery) {
        const u = new URL(p, asUrl).href;
        try {
          const r = await probeFetch(u, { headers: { accept: "application/json" }, timeoutMs });
          asEvidence.push(evidenceOf(`GET ${u}`, r));
          if (r.status !== 200) { problem = `${u} answered HTTP ${r.status}`; continue; }
          const parsed = ZAuthorizationServerMetadata.safeParse(jsonOf(r.text));
          if (!parsed.success) { problem = `${u} is not authorization server metadata (${parsed.error.issues[0]?.path.join(".") || "body"}: ${parsed.error.issues[0]?.message})`; continue; }
          meta = parsed.data;
          break;
        } catch (error) {
          asEvidence.push(failed(`GET ${u}`, error));
          problem = error instanceof ProbeHttpError ? error.message : "request failed";
        }
      }
      if (!meta) {
        record("as-metadata", "fail", `No authorization server metadata for ${issuer}: ${problem}.`, asEvidence.slice(-3));
        record("as-pkce-s256", "not_applicable", "No authorization server metadata.");
      } else {
        const optional = [
          meta.client_id_metadata_document_supported ? "Client ID Metadata Documents supported" : "no Client ID Metadata Documents",
          meta.authorization_response_iss_parameter_supported ? "`iss` in authorization responses" : null,
        ].filter(Boolean).join("; ");
        if (meta.issuer !== issuer) record("as-metadata", "fail", `\`issuer\` is ${meta.issuer}, not ${issuer} as the resource metadata says (RFC 8414 §3.3).`, asEvidence.slice(-1));
        else record("as-metadata", "pass", `\`issuer\` matches (${optional}).`, asEvidence.slice(-1));
        const methods = meta.code_challenge_methods_supported ?? [];
        if (methods.includes("S256")) record("as-pkce-s256", "pass", `code_challenge_methods_supported: ${methods.join(", ")}.`);
        else record("as-pkce-s256", "fail", methods.length ? `code_challenge_methods_supported lists ${methods.join(", ")} but not S256.` : "code_challenge_methods_supported is missing: clients must refuse to proceed.");
      }
    }
  }

  // 4. Tokens that must be refused.
  const tokenChecks: TProbeCheckId[] = ["token-accepted", "token-other-resource", "token-no-audience", "token-expired", "token-untrusted-key", "token-in-query"];
  const client = options.client;
  if (!client) {
    for (const id of tokenChecks) record(id, "not_applicable", "No probe client is configured for an authorization server this server trusts.");
    return finish(prm);
  }

  type TIssued = { token: string; expiresIn: number | null; evidence: TProbeEvidence } | { error: string; evidence: TProbeEvidence };
  const issue = async (resource: string | null, role: string): Promise<TIssued> => {
    const request = `POST ${client.tokenEndpoint} (client credentials as ${client.clientId}, ${resource ? `resource=${resource}` : "no resource"}) → ${role}`;
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (resource) form.set("resource", resource);
    if (client.scope) form.set("scope", client.scope);
    const basic = Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString("base64");
    secrets.add(client.clientSecret);
    secrets.add(basic);
    try {
      const r = await probeFetch(client.tokenEndpoint, {
        method: "POST", body: form.toString(), timeoutMs,
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", authorization: `Basic ${basic}` },
      });
      const json = jsonOf(r.text);
      // Whatever shape the answer has, a token in it is never shown in evidence.
      const leaked = (json as { access_token?: unknown; refresh_token?: unknown } | undefined);
      for (const t of [leaked?.access_token, leaked?.refresh_token]) if (typeof t === "string" && t.length > 0) secrets.add(t);
      const parsed = ZTokenResponse.safeParse(json);
      if (r.status === 200 && parsed.success) {
        secrets.add(parsed.data.access_token);
        return { token: parsed.data.access_token, expiresIn: parsed.data.expires_in ?? null, evidence: { request, status: r.status, body: "token issued (not shown)" } };
      }
      return { error: r.status === 200 ? "the token response is not RFC 6749 JSON" : `the token endpoint answered HTTP ${r.status}`, evidence: evidenceOf(request, r) };
    } catch (error) {
      return { error: error instanceof ProbeHttpError ? error.message : "request failed", evidence: failed(request, error) };
    }
  };
  const present = async (token: string, role: string, inQuery = false): Promise<{ response: TProbeResponse | null; evidence: TProbeEvidence }> => {
    const url = new URL(server.href);
    if (inQuery) url.searchParams.set("access_token", token);
    const shown = inQuery ? `${server.href}${server.search ? "&" : "?"}access_token=<${role}>` : server.href;
    const request = inQuery ? `POST ${shown} (no Authorization header)` : `POST ${shown} (Authorization: Bearer <${role}>)`;
    try {
      const r = inQuery ? await callServer(undefined, url.href) : await callServer(token);
      return { response: r, evidence: evidenceOf(request, r, "www-authenticate") };
    } catch (error) {
      return { response: null, evidence: failed(request, error) };
    }
  };
  const accepted = (r: TProbeResponse) => r.status < 500 && r.status !== 401 && r.status !== 403;
  const judgeRefusal = (id: TProbeCheckId, outcome: { response: TProbeResponse | null; evidence: TProbeEvidence }, what: string) => {
    const r = outcome.response;
    if (!r) record(id, "not_applicable", `The server did not answer when presented ${what}.`, [outcome.evidence]);
    else if (r.status === 401) record(id, "pass", `Refused ${what} with 401.`, [outcome.evidence]);
    else if (r.status === 403) record(id, "fail", `Answered 403 to ${what}; an invalid token must get 401 (403 is for insufficient scope).`, [outcome.evidence]);
    else if (r.status >= 500) record(id, "not_applicable", `Answered HTTP ${r.status} to ${what}: a server error says nothing about the token.`, [outcome.evidence]);
    else record(id, "fail", `Accepted ${what} (HTTP ${r.status}).`, [outcome.evidence]);
  };

  // The token for the expiry check is requested first, so its lifetime runs out while the rest is checked.
  const wait = Math.min(Math.max(client.expiryWaitSeconds, 0), MAX_EXPIRY_WAIT_SECONDS);
  const expiring = wait > 0 ? await issue(server.href, "token to let expire") : null;
  const expiringAt = expiring && "token" in expiring ? expiryOf(expiring.token, expiring.expiresIn, now()) : null;

  const valid = await issue(server.href, "token for this server");
  if ("error" in valid) {
    for (const id of tokenChecks) record(id, "not_applicable", `The authorization server did not issue a token for this server: ${valid.error}.`, [valid.evidence]);
    return finish(prm);
  }
  const control = await present(valid.token, "token issued for this server");
  if (!control.response || !accepted(control.response)) {
    record("token-accepted", "fail", control.response
      ? `Refused a token the configured authorization server issued for it (HTTP ${control.response.status}): either it does not trust that server or the probe client is misconfigured, so refusals of bad tokens prove nothing.`
      : "The server did not answer when presented a valid token.", [valid.evidence, control.evidence]);
    for (const id of tokenChecks.slice(1)) record(id, "not_applicable", "The control token was not accepted, so a refusal would not show that this rule is enforced.");
    return finish(prm);
  }
  record("token-accepted", "pass", `Accepted a token issued for ${server.href} (HTTP ${control.response.status}).`, [valid.evidence, control.evidence]);
  const validJwt = decodeJwt(valid.token);

  // Another resource (RFC 8707).
  if (!client.otherResource) {
    record("token-other-resource", "not_applicable", "No other resource is configured for the probe client.");
  } else {
    const other = await issue(client.otherResource, "token for another resource");
    if ("error" in other) record("token-other-resource", "not_applicable", `The authorization server did not issue a token for ${client.otherResource}: ${other.error}.`, [other.evidence]);
    else {
      const jwt = decodeJwt(other.token);
      const aud = jwt ? audiencesOf(jwt.payload).map(comparableResource) : [];
      if (aud.includes(comparableResource(server.href))) record("token-other-resource", "not_applicable", "The authorization server ignored the resource parameter: the token names this server.", [other.evidence]);
      else judgeRefusal("token-other-resource", await present(other.token, "token for another resource"), `a token issued for ${client.otherResource}`);
    }
  }

  // No audience.
  const bare = await issue(null, "token without resource");
  if ("error" in bare) record("token-no-audience", "not_applicable", `The authorization server did not issue a token without a resource: ${bare.error}.`, [bare.evidence]);
  else {
    const jwt = decodeJwt(bare.token);
    const aud = jwt ? audiencesOf(jwt.payload) : [];
    if (aud.length > 0) record("token-no-audience", "not_applicable", `The authorization server gives tokens an audience by default (${aud.slice(0, 2).join(", ")}), so it cannot issue one without.`, [bare.evidence]);
    else judgeRefusal("token-no-audience", await present(bare.token, "token without audience"), `a token with no audience${jwt ? "" : " (opaque: the probe cannot see its claims)"}`);
  }

  // Untrusted key.
  if (!validJwt) record("token-untrusted-key", "not_applicable", "The authorization server issues opaque tokens: there is no signature to forge.");
  else {
    const forged = forgeWithUntrustedKey(validJwt, Math.floor(now() / 1000));
    if (!forged) record("token-untrusted-key", "not_applicable", `Tokens are signed with ${String(validJwt.header.alg)}, a symmetric or unknown algorithm.`);
    else {
      secrets.add(forged);
      judgeRefusal("token-untrusted-key", await present(forged, "same claims signed by a throwaway key"), "the same claims signed by a key the authorization server does not hold");
    }
  }

  // Query string.
  judgeRefusal("token-in-query", await present(valid.token, "token for this server", true), "a valid token in the query string");

  // Expired (last: its lifetime ran during the other checks).
  if (wait === 0) record("token-expired", "not_applicable", "No expiry wait is configured (tokens would have to expire during the run).");
  else if (!expiring || "error" in expiring) record("token-expired", "not_applicable", `The authorization server did not issue the token to let expire${expiring && "error" in expiring ? `: ${expiring.error}` : ""}.`, expiring ? [expiring.evidence] : []);
  else if (expiringAt === null) record("token-expired", "not_applicable", "The token's lifetime is unknown (no expires_in, no exp).", [expiring.evidence]);
  else {
    const remaining = expiringAt + 1000 - now();
    if (remaining > wait * 1000) record("token-expired", "not_applicable", `Tokens live ${Math.round((expiringAt - now()) / 1000)} s more, beyond the ${wait} s the probe may wait: give the probe client a shorter token lifetime.`, [expiring.evidence]);
    else {
      if (remaining > 0) await sleep(remaining);
      judgeRefusal("token-expired", await present(expiring.token, "expired token"), "a token that expired");
    }
  }
  return finish(prm);
}

/** When a token expires (epoch ms): its JWT `exp`, else the response's expires_in from `issuedAt`. */
function expiryOf(token: string, expiresIn: number | null, issuedAt: number): number | null {
  const exp = decodeJwt(token)?.payload.exp;
  if (typeof exp === "number") return exp * 1000;
  return expiresIn !== null ? issuedAt + expiresIn * 1000 : null;
}
