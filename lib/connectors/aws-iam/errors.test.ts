import { Readable } from "node:stream";
import { GetUserCommand, IAMClient } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { errorResponse, IAM_ERRORS } from "../testing/aws-iam-recorded";
import { ProviderError } from "../provider-error";
import { toProviderError } from "./errors";

/**
 * AWS's error answers (the recorded XML of ../testing/aws-iam-recorded.ts) go through the real SDK
 * deserializer — a canned HTTP response instead of a socket — and then through the mapping.
 */
async function sdkErrorFor(status: number, body: string, contentType = "text/xml"): Promise<unknown> {
  const client = new IAMClient({
    region: "us-east-1",
    maxAttempts: 1,
    credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
    requestHandler: { handle: async () => ({ response: { statusCode: status, headers: { "content-type": contentType }, body: Readable.from([Buffer.from(body)]) } }) },
  });
  return client.send(new GetUserCommand({})).then(
    () => expect.unreachable("the SDK accepted an error answer"),
    (e: unknown) => e,
  );
}

const mapped = async (status: number, body: string, contentType?: string) => toProviderError(await sdkErrorFor(status, body, contentType), "GetUser", "iam.amazonaws.com", 10_000);
const aws = async (e: { status: number; code: string; message: string }) => mapped(e.status, errorResponse(e.code, e.message));

describe("IAM error answers → ProviderError", () => {
  it("Throttling (400) is retryable and keeps AWS's code and message", async () => {
    expect(await aws(IAM_ERRORS.throttling)).toMatchObject({ kind: "http", status: 400, retryable: true, providerMessage: "Throttling: Rate exceeded" });
  });

  it("credential errors are final, with what to do about them", async () => {
    const expired = await aws(IAM_ERRORS.expiredToken);
    expect(expired).toMatchObject({ status: 403, retryable: false, providerMessage: "ExpiredToken: The security token included in the request is expired" });
    expect(expired.message).toBe(
      "iam.amazonaws.com answered HTTP 403 to GetUser: ExpiredToken: The security token included in the request is expired (the temporary credentials have expired: enter fresh ones, or a long-term key of a dedicated IAM user)",
    );
    expect(await aws({ status: 403, code: "InvalidClientTokenId", message: "The security token included in the request is invalid." })).toMatchObject({ retryable: false, providerMessage: expect.stringMatching(/^InvalidClientTokenId: /) });
    expect((await aws({ status: 403, code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match the signature you provided." })).message).toMatch(/secret access key does not belong/);
    expect((await aws({ status: 403, code: "AccessDenied", message: "User: arn:aws:iam::123456789012:user/tw is not authorized to perform: iam:GetUser" })).message).toMatch(/lacks this permission/);
  });

  it("NoSuchEntity (404) and LimitExceeded (409) keep AWS's code, the one the connector decides by", async () => {
    expect(await aws(IAM_ERRORS.noSuchKey("AKIAIOSFODNN7EXAMPLE"))).toMatchObject({ status: 404, retryable: false, providerMessage: "NoSuchEntity: The Access Key with id AKIAIOSFODNN7EXAMPLE cannot be found." });
    expect(await aws(IAM_ERRORS.keyLimit)).toMatchObject({ status: 409, retryable: false, providerMessage: "LimitExceeded: Cannot exceed quota for AccessKeysPerUser: 2" });
  });

  it("AWS's own 5xx (ServiceFailure, Receiver) is retryable", async () => {
    expect(await mapped(500, errorResponse("ServiceFailure", "Request processing has failed due to some unknown error.", "Receiver"))).toMatchObject({ status: 500, retryable: true, providerMessage: expect.stringMatching(/^ServiceFailure: /) });
  });

  it("an answer without IAM's envelope says so: a proxy's 502 is retryable, an HTML 403 is not, a redirect names itself", async () => {
    expect(await mapped(502, "<html>Bad gateway</html>", "text/html")).toMatchObject({ kind: "http", status: 502, retryable: true, message: expect.stringMatching(/not with IAM's XML error/) });
    expect(await mapped(500, "internal error", "text/plain")).toMatchObject({ status: 500, retryable: true });
    expect(await mapped(403, "<html>Forbidden</html>", "text/html")).toMatchObject({ status: 403, retryable: false });
    expect((await mapped(302, "")).message).toMatch(/a redirect; use IAM's endpoint itself/);
  });

  it("network failures and the deadline", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    expect(toProviderError(refused, "GetUser", "127.0.0.1:1", 10_000)).toMatchObject({ kind: "unreachable", retryable: true, message: "Could not reach 127.0.0.1:1: the connection was refused." });
    expect(toProviderError(Object.assign(new Error("Request aborted"), { name: "AbortError" }), "ListUsers", "iam.amazonaws.com", 2500)).toMatchObject({
      kind: "timeout",
      retryable: true,
      message: "iam.amazonaws.com did not answer ListUsers within 2.5 s.",
    });
    const already = new ProviderError("config", "x", { retryable: false });
    expect(toProviderError(already, "GetUser", "h", 1)).toBe(already);
    expect(() => toProviderError(new TypeError("a bug"), "GetUser", "h", 1)).toThrow(TypeError);
  });
});
