import { RequestError } from "@octokit/request-error";
import { describe, expect, it } from "vitest";
import { ProviderError } from "../provider-error";
import { githubMessageOf, rateLimitOf, toProviderError, TransportFailure } from "./errors";

const request = { method: "GET" as const, url: "https://api.github.com/app", headers: { authorization: "bearer secret-jwt" } };
const httpError = (status: number, data: unknown, headers: Record<string, string> = {}) =>
  new RequestError("x", status, { request, response: { status, url: request.url, headers, data } });

describe("GitHub errors as ProviderError", () => {
  it("keeps GitHub's message and status; 5xx retryable, 4xx not", () => {
    const e = toProviderError(httpError(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" }), "api.github.com");
    expect([e.kind, e.status, e.retryable, e.providerMessage, e.message]).toEqual(["http", 404, false, "Not Found", "api.github.com answered HTTP 404: Not Found"]);
    expect(toProviderError(httpError(502, "Bad gateway"), "h").retryable).toBe(true);
    expect(toProviderError(httpError(422, { message: "Validation Failed", errors: [{ code: "invalid", message: "bad field" }, "second"] }), "h").providerMessage).toBe(
      "Validation Failed: bad field: second",
    );
  });

  it("reads all three kinds of rate limit as retryable", () => {
    expect(rateLimitOf(429, {}, undefined)).toBe("rate limited");
    expect(rateLimitOf(403, { "retry-after": "30" }, "You have exceeded a secondary rate limit")).toBe("rate limited; GitHub asks to retry after 30 s");
    expect(rateLimitOf(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1893456000" }, "API rate limit exceeded")).toBe("rate limit exhausted until 2030-01-01T00:00:00.000Z");
    expect(rateLimitOf(403, {}, "You have exceeded a secondary rate limit.")).toBe("rate limited");
    expect(rateLimitOf(403, {}, "Resource not accessible by integration")).toBeUndefined();
    expect(toProviderError(httpError(403, { message: "secondary rate limit" }, { "retry-after": "5" }), "h").retryable).toBe(true);
  });

  it("adds what to fix where GitHub's words do not say it", () => {
    expect(toProviderError(httpError(401, { message: "A JSON web token could not be decoded" }), "h").message).toMatch(/Check the App ID/);
    expect(toProviderError(httpError(403, { message: "Resource not accessible by integration" }), "h", { forbidden: "Grant X." }).message).toMatch(/Grant X\.$/);
    expect(toProviderError(httpError(403, { message: "Must have admin rights" }), "h", { forbidden: "Grant X." }).message).not.toMatch(/Grant X/);
  });

  it("network failures are unreachable or timeout, never HTTP 500", () => {
    const wrapped = (failure: TransportFailure) => new RequestError(failure.message, 500, { request, cause: failure });
    expect(toProviderError(wrapped(new TransportFailure("unreachable", "Could not reach h: refused.")), "h")).toMatchObject({ kind: "unreachable", retryable: true, status: undefined });
    expect(toProviderError(wrapped(new TransportFailure("timeout", "h did not answer")), "h")).toMatchObject({ kind: "timeout", retryable: true });
    expect(toProviderError(wrapped(new TransportFailure("redirect", "moved", 302)), "h")).toMatchObject({ kind: "http", status: 302, retryable: false });
  });

  it("never carries Octokit's request record (a body may hold a token) and passes ProviderErrors through", () => {
    const e = toProviderError(httpError(422, { message: "nope" }), "h");
    expect(e.cause).toBeUndefined();
    const own = new ProviderError("config", "x", { retryable: false });
    expect(toProviderError(own, "h")).toBe(own);
  });

  it("reads GitHub's message from JSON or text", () => {
    expect(githubMessageOf({ message: "Bad credentials" })).toBe("Bad credentials");
    expect(githubMessageOf("  upstream timed out ")).toBe("upstream timed out");
    expect(githubMessageOf(undefined)).toBeUndefined();
  });
});
