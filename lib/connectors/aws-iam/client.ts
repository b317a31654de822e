import { IAMClient } from "@aws-sdk/client-iam";
import type { z } from "zod";
import type { TConnectorContext } from "../contract";
import { DEFAULT_PROVIDER_TIMEOUT_MS } from "../http";
import { ProviderError } from "../provider-error";
import type { TAwsIamConfig, TAwsIamSecret } from "./config";
import { toProviderError } from "./errors";

export type TIamContext = TConnectorContext<TAwsIamConfig, TAwsIamSecret>;

/**
 * One IAM client per capability call. Every command has a deadline (an AbortSignal covering connect,
 * answer and body, like providerRequest). Retries are chosen per use:
 *  - "once" (test, issue, rotate, revoke, verify, last used): the SDK does not retry. The workflows
 *    retry with their own backoff and can first check what happened; CreateAccessKey in particular
 *    is not idempotent (a retried create after a lost answer would leave a second key behind, and
 *    two is AWS's limit).
 *  - "stream" (sync): the SDK's standard mode, 3 attempts with its throttling-aware backoff, because
 *    a sync makes several calls per IAM user and restarting it from the first user over one
 *    "Rate exceeded" would cost far more than waiting. Sync only reads.
 * Nothing is read from the process environment or ~/.aws: region, endpoint and credentials are the
 * provider's own, and AWS_ENDPOINT_URL* is ignored.
 */
export type TIam = {
  host: string;
  /** `operation` names the call in errors ("… answered HTTP 403 to GetUser: …"). */
  send: <S extends z.ZodType>(operation: string, command: object, schema: S) => Promise<z.infer<S>>;
  close: () => void;
};

/** Names the endpoint in messages; the SDK resolves the real one from the region (its partition's IAM). */
export function hostOf(ctx: TIamContext): string {
  const region = ctx.config.region;
  if (ctx.config.endpoint) return new URL(ctx.config.endpoint).host;
  if (region.startsWith("us-gov-")) return "iam.us-gov.amazonaws.com";
  if (region.startsWith("cn-")) return `iam.${region}.amazonaws.com.cn`;
  return region.includes("-iso") ? `IAM (${region})` : "iam.amazonaws.com";
}

export function openIam(ctx: TIamContext, mode: "once" | "stream" = "once"): TIam {
  const timeoutMs = ctx.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  const host = hostOf(ctx);
  const client = new IAMClient({
    region: ctx.config.region,
    endpoint: ctx.config.endpoint,
    credentials: { accessKeyId: ctx.secret.accessKeyId, secretAccessKey: ctx.secret.secretAccessKey, sessionToken: ctx.secret.sessionToken },
    maxAttempts: mode === "stream" ? 3 : 1,
    retryMode: "standard",
    defaultsMode: "standard",
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    ignoreConfiguredEndpointUrls: true,
  });
  return {
    host,
    send: async (operation, command, schema) => {
      let output: unknown;
      try {
        // The SDK's Command types are a generic union; the schema below is what types the result.
        output = await client.send(command as never, { abortSignal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        throw toProviderError(error, operation, host, timeoutMs);
      }
      const parsed = schema.safeParse(output);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? issue.path.join(".") : "the body";
        // A 200 whose body is not IAM's XML parses to nothing: the first required field is missing.
        throw new ProviderError("invalid_response", `${host} did not answer ${operation} with IAM's XML (${where}: ${issue?.message}).`, { retryable: false, status: 200 });
      }
      return parsed.data;
    },
    close: () => client.destroy(),
  };
}

/** Runs `fn` with a client and always releases its sockets. */
export async function withIam<T>(ctx: TIamContext, fn: (iam: TIam) => Promise<T>): Promise<T> {
  const iam = openIam(ctx);
  try {
    return await fn(iam);
  } finally {
    iam.close();
  }
}

/** Follows IAM's Marker / IsTruncated paging; yields one page at a time. */
export async function* pages<P extends { IsTruncated?: boolean; Marker?: string }>(fetch: (marker: string | undefined) => Promise<P>): AsyncGenerator<P> {
  let marker: string | undefined;
  do {
    const page = await fetch(marker);
    yield page;
    marker = page.IsTruncated ? page.Marker : undefined;
    if (page.IsTruncated && !marker) throw new ProviderError("invalid_response", "IAM said the list goes on (IsTruncated) but gave no Marker to continue from.", { retryable: false });
  } while (marker);
}

/** Every item of a short paged list (a user's policies, groups or keys). */
export async function collectPages<P extends { IsTruncated?: boolean; Marker?: string }, T>(fetch: (marker: string | undefined) => Promise<P>, items: (page: P) => T[]): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages(fetch)) out.push(...items(page));
  return out;
}
