import { ProviderError } from "../provider-error";

/**
 * Every failure of an IAM call, as the one ProviderError: AWS's error code and message become the
 * provider message ("SignatureDoesNotMatch: The request signature …"), throttling and 5xx are
 * retryable, and an answer that is not IAM's XML (a login page, a proxy's error) says so.
 */

// The AWS SDKs' own list of throttling codes (query, JSON and REST protocols spell them differently).
const THROTTLING = new Set(["Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled", "RequestThrottledException", "RequestLimitExceeded", "TooManyRequestsException", "SlowDown", "PriorRequestNotComplete", "BandwidthLimitExceeded", "EC2ThrottledException", "ProvisionedThroughputExceededException", "TransactionInProgressException"]);

const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ECONNABORTED"]);

/** What the admin should do about the codes a connector meets; AWS's own message says what happened. */
const HINTS: Record<string, string> = {
  InvalidClientTokenId: "AWS does not know this access key id: mistyped, deactivated, deleted, or from another partition",
  SignatureDoesNotMatch: "the secret access key does not belong to this access key id",
  IncompleteSignature: "the request was not signed as AWS expects",
  ExpiredToken: "the temporary credentials have expired: enter fresh ones, or a long-term key of a dedicated IAM user",
  AccessDenied: "the connector's IAM user lacks this permission: see the permissions in the connector's description",
  OptInRequired: "the account is not subscribed to this service",
  LimitExceeded: "an IAM quota was reached",
};

type TAwsError = {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
};

export function isThrottling(code: string | undefined): boolean {
  return code !== undefined && THROTTLING.has(code);
}

/**
 * The AWS error code (NoSuchEntity, not the SDK's NoSuchEntityException class name), if the answer
 * carried one. Without an <Error><Code> the SDK invents "Unknown" / "NotFound": not AWS's word.
 */
export function awsCodeOf(error: unknown): string | undefined {
  const e = error as TAwsError;
  return e?.$fault && typeof e.Code === "string" && e.Code ? e.Code : undefined;
}

export function toProviderError(error: unknown, operation: string, host: string, timeoutMs: number): ProviderError {
  if (error instanceof ProviderError) return error;
  const e = (error ?? {}) as TAwsError;
  if (e.name === "AbortError" || e.name === "TimeoutError") {
    return new ProviderError("timeout", `${host} did not answer ${operation} within ${timeoutMs / 1000} s.`, { retryable: true });
  }
  if (e.code && NETWORK.has(e.code)) {
    const why = e.code === "ENOTFOUND" ? "the host name does not resolve" : e.code === "ECONNREFUSED" ? "the connection was refused" : e.code;
    return new ProviderError("unreachable", `Could not reach ${host}: ${why}.`, { retryable: true, cause: error });
  }
  const status = e.$metadata?.httpStatusCode;
  const code = awsCodeOf(error);
  if (code !== undefined && status !== undefined) {
    const providerMessage = `${code}: ${e.message ?? ""}`.slice(0, 500);
    const hint = HINTS[code];
    return new ProviderError("http", `${host} answered HTTP ${status} to ${operation}: ${providerMessage}${hint ? ` (${hint})` : ""}`, {
      retryable: status >= 500 || isThrottling(code) || e.$retryable?.throttling === true,
      status,
      providerMessage,
    });
  }
  if (status !== undefined) {
    // An answer without IAM's error envelope: something else is listening at the endpoint.
    if (status >= 300 && status < 400) return new ProviderError("http", `${host} answered HTTP ${status} to ${operation}: a redirect; use IAM's endpoint itself.`, { retryable: false, status });
    if (status >= 400) return new ProviderError("http", `${host} answered HTTP ${status} to ${operation}, not with IAM's XML error.`, { retryable: status >= 500 || status === 429, status });
    return new ProviderError("invalid_response", `${host} did not answer ${operation} with IAM's XML (${(e.message ?? "unreadable body").split("\n")[0]}).`, { retryable: false, status });
  }
  throw error;
}
