import { RequestError } from "@octokit/request-error";
import { ProviderError } from "../provider-error";

/**
 * Every failure of a GitHub call becomes the one ProviderError. Octokit reports a network failure
 * as a RequestError with status 500 and no response; the transport (client.ts) throws a
 * TransportFailure underneath it, so a refused connection is "unreachable", never "HTTP 500".
 */

export class TransportFailure extends Error {
  constructor(
    readonly kind: "timeout" | "unreachable" | "redirect",
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "TransportFailure";
  }
}

function transportIn(error: unknown): TransportFailure | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof TransportFailure) return e;
  }
  return undefined;
}

/** GitHub's own words: `message` of its error envelope, or the start of a non-JSON body. */
export function githubMessageOf(data: unknown): string | undefined {
  if (typeof data === "object" && data !== null && typeof (data as { message?: unknown }).message === "string") {
    const { message, errors } = data as { message: string; errors?: unknown };
    const details = Array.isArray(errors) ? errors.map((e) => (typeof e === "string" ? e : typeof e === "object" && e !== null ? ((e as { message?: string }).message ?? (e as { code?: string }).code) : undefined)).filter(Boolean) : [];
    return [message, ...details].join(": ").slice(0, 500);
  }
  if (typeof data === "string" && data.trim()) return data.trim().slice(0, 200);
  return undefined;
}

const header = (headers: Record<string, unknown> | undefined, name: string) => {
  const value = headers?.[name];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
};

/**
 * GitHub signals rate limits three ways: 429; 403 with `retry-after` (secondary limit); 403 with
 * `x-ratelimit-remaining: 0` (primary limit, reset at `x-ratelimit-reset`). All are worth retrying.
 */
export function rateLimitOf(status: number, headers: Record<string, unknown> | undefined, message: string | undefined): string | undefined {
  const retryAfter = header(headers, "retry-after");
  const remaining = header(headers, "x-ratelimit-remaining");
  const reset = header(headers, "x-ratelimit-reset");
  if (status === 429 || (status === 403 && (retryAfter !== undefined || remaining === "0" || /rate limit/i.test(message ?? "")))) {
    if (retryAfter !== undefined) return `rate limited; GitHub asks to retry after ${retryAfter} s`;
    if (remaining === "0" && reset !== undefined) return `rate limit exhausted until ${new Date(Number(reset) * 1000).toISOString()}`;
    return "rate limited";
  }
  return undefined;
}

/** Hints for GitHub's answers whose wording does not say what to fix. */
function hintFor(status: number, message: string | undefined, forbidden?: string): string {
  if (status === 401 && message?.startsWith("A JSON web token could not be decoded")) return " Check the App ID, and that the private key is one of this App's keys (GitHub says the same for both).";
  if (status === 401 && /'(iat|exp)'/.test(message ?? "")) return " This server's clock and GitHub's disagree by more than a minute.";
  if (status === 403 && forbidden && /not accessible by integration/i.test(message ?? "")) return ` ${forbidden}`;
  return "";
}

export function toProviderError(error: unknown, host: string, options: { forbidden?: string } = {}): ProviderError {
  if (error instanceof ProviderError) return error;
  const transport = transportIn(error);
  if (transport) {
    if (transport.kind === "redirect") return new ProviderError("http", transport.message, { retryable: false, status: transport.status });
    return new ProviderError(transport.kind, transport.message, { retryable: true });
  }
  if (error instanceof RequestError && error.response) {
    const { status } = error;
    const providerMessage = githubMessageOf(error.response.data);
    const limited = rateLimitOf(status, error.response.headers, providerMessage);
    const retryable = status >= 500 || limited !== undefined;
    const text = `${host} answered HTTP ${status}${providerMessage ? `: ${providerMessage}` : "."}${limited ? ` (${limited})` : ""}${hintFor(status, providerMessage, options.forbidden)}`;
    // No cause: Octokit's request record carries the body, which may hold a token (credentials/revoke).
    return new ProviderError("http", text, { retryable, status, providerMessage });
  }
  if (error instanceof RequestError) return new ProviderError("unreachable", `Could not reach ${host}: ${error.message}.`, { retryable: true });
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  // Signing the App JWT happens before any request: a key the schema let through but WebCrypto refuses.
  if (/auth-app|github-app-jwt|private key/i.test(message)) return new ProviderError("config", `The App's JWT could not be signed: ${message}`, { retryable: false });
  return new ProviderError("invalid_response", `Unexpected failure talking to ${host}: ${message}`, { retryable: false, cause: error });
}
