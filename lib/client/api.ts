import type { TPublicError } from "@/lib/errors/app-error";

/**
 * The browser's one way to read the route handlers. Every failure becomes an ApiError carrying the
 * server's safe message and code (or a NETWORK error when nothing answered), so components show
 * `error.message` without knowing how the request failed.
 */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ApiError";
  }

  static fromPublic(error: TPublicError, status = 0): ApiError {
    return new ApiError(error.message, error.code, status, error.fieldErrors);
  }
}

export const NETWORK_MESSAGE = "The server could not be reached. Check your connection and try again.";

/** A 4xx is the caller's problem: retrying cannot help. */
export const retryUnlessClientError = (count: number, error: Error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 1;

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", cache: "no-store", ...init, headers: { accept: "application/json", ...init.headers } });
  } catch (error) {
    if ((error as Error)?.name === "AbortError") throw error;
    throw new ApiError(NETWORK_MESSAGE, "NETWORK", 0);
  }
  const body = (await response.json().catch(() => null)) as ({ error?: TPublicError } & Record<string, unknown>) | null;
  if (!response.ok) {
    if (body?.error?.message) throw ApiError.fromPublic(body.error, response.status);
    throw new ApiError(`The server answered ${response.status}.`, "INTERNAL", response.status);
  }
  return body as T;
}

/** GET a JSON route handler. */
export function apiGet<T>(url: string, options: { signal?: AbortSignal } = {}): Promise<T> {
  return request<T>(url, { method: "GET", signal: options.signal });
}

/** POST JSON to a route handler (reads that take a body, such as the policy preview). */
export function apiPost<T>(url: string, body: unknown, options: { signal?: AbortSignal } = {}): Promise<T> {
  return request<T>(url, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" }, signal: options.signal });
}

/** The body of a file-like response (exports), with the same errors as apiGet. */
export async function apiGetText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new ApiError(NETWORK_MESSAGE, "NETWORK", 0);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: TPublicError } | null;
    throw body?.error?.message ? ApiError.fromPublic(body.error, response.status) : new ApiError(`The server answered ${response.status}.`, "INTERNAL", response.status);
  }
  return response.text();
}
