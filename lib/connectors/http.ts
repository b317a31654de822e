import { z } from "zod";
import { ProviderError } from "./provider-error";

/**
 * The one way a connector talks to a provider: every call has a timeout, every response is parsed
 * with zod, and every failure becomes a ProviderError that says what went wrong and whether to retry.
 */

export const DEFAULT_PROVIDER_TIMEOUT_MS = 10_000;

export type TProviderRequest = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  /** A form body (OAuth endpoints) or a JSON body. */
  form?: Record<string, string | undefined>;
  json?: unknown;
  timeoutMs?: number;
};

export type TProviderResponse<T> = { status: number; data: T };

function retryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** The provider's own explanation, from an OAuth-style or generic JSON error body, or its text. */
function providerMessageOf(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const parts = [body.error, body.error_description, body.message].filter((v) => typeof v === "string");
    if (parts.length > 0) return parts.join(": ").slice(0, 500);
  } catch {
    // not JSON: fall through to the raw text
  }
  const trimmed = text.trim();
  return trimmed ? trimmed.slice(0, 200) : undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export async function providerRequest<S extends z.ZodType>(
  url: string,
  schema: S,
  request: TProviderRequest = {},
): Promise<TProviderResponse<z.infer<S>>> {
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch (cause) {
    throw new ProviderError("config", `"${url}" is not a valid URL.`, { retryable: false, cause });
  }
  if (parsedUrl.protocol !== "http:" && parsedUrl.protocol !== "https:") {
    throw new ProviderError("config", `"${url}" must be an http(s) URL.`, { retryable: false });
  }
  const timeoutMs = request.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  const headers: Record<string, string> = { accept: "application/json", ...request.headers };
  let body: string | undefined;
  if (request.form) {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(request.form)) if (v !== undefined) form.append(k, v);
    body = form.toString();
    headers["content-type"] = "application/x-www-form-urlencoded";
  } else if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers["content-type"] = "application/json";
  }

  let response: Response;
  let text: string;
  try {
    // One signal covers connect, headers and body: a peer that trickles its body is cut off too.
    const signal = AbortSignal.timeout(timeoutMs);
    response = await fetch(parsedUrl, { method: request.method ?? (body ? "POST" : "GET"), headers, body, signal, redirect: "manual" });
    text = await response.text();
  } catch (cause) {
    const name = (cause as { name?: string })?.name;
    if (name === "TimeoutError" || name === "AbortError") {
      throw new ProviderError("timeout", `${hostOf(url)} did not answer within ${timeoutMs / 1000} s.`, { retryable: true, cause });
    }
    const code = (cause as { cause?: { code?: string } })?.cause?.code;
    const why = code === "ENOTFOUND" ? "the host name does not resolve" : code === "ECONNREFUSED" ? "the connection was refused" : (code ?? "the connection failed");
    throw new ProviderError("unreachable", `Could not reach ${hostOf(url)}: ${why}.`, { retryable: true, cause });
  }

  if (response.status >= 300) {
    const providerMessage = providerMessageOf(text);
    const redirect = response.status < 400 ? ` (redirects to ${response.headers.get("location") ?? "?"}; use the final URL)` : "";
    throw new ProviderError(
      "http",
      `${hostOf(url)} answered HTTP ${response.status}${redirect}${providerMessage ? `: ${providerMessage}` : "."}`,
      { retryable: retryableStatus(response.status), status: response.status, providerMessage },
    );
  }

  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch (cause) {
    throw new ProviderError("invalid_response", `${hostOf(url)} did not answer with JSON (got "${text.slice(0, 60)}").`, {
      retryable: false,
      status: response.status,
      cause,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "the body";
    throw new ProviderError("invalid_response", `${hostOf(url)} answered in an unexpected shape (${where}: ${issue?.message}).`, {
      retryable: false,
      status: response.status,
    });
  }
  return { status: response.status, data: parsed.data };
}
