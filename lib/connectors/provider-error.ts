/**
 * The one error a connector raises. Workflows decide from `retryable` whether to try again
 * (5xx, 429, timeouts, unreachable) or to surface the problem (4xx, garbage, wrong config);
 * `providerMessage` is the provider's own words, safe to show an admin (never a secret).
 */
export type TProviderErrorKind = "unreachable" | "timeout" | "http" | "invalid_response" | "config" | "unsupported";

export class ProviderError extends Error {
  readonly kind: TProviderErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly providerMessage?: string;

  constructor(
    kind: TProviderErrorKind,
    message: string,
    options: { retryable: boolean; status?: number; providerMessage?: string; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "ProviderError";
    this.kind = kind;
    this.retryable = options.retryable;
    this.status = options.status;
    this.providerMessage = options.providerMessage;
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
