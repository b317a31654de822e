import { describe, expect, it } from "vitest";
import { checkMutationRequest } from "@/lib/security/mutation-request";

const APP = "https://tokenward.example.com";
const req = (headers: Record<string, string>, method = "POST") => new Request(`${APP}/api/v1/x`, { method, headers, body: method === "GET" ? undefined : "{}" });
const codeOf = (fn: () => void) => {
  try {
    fn();
    return "ok";
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe("checkMutationRequest", () => {
  it("accepts a same-origin JSON request", () => {
    expect(codeOf(() => checkMutationRequest(req({ origin: APP, "content-type": "application/json; charset=utf-8" }), APP))).toBe("ok");
  });
  it.each([
    ["no Origin", { "content-type": "application/json" }, "FORBIDDEN"],
    ["a foreign Origin", { origin: "https://evil.example", "content-type": "application/json" }, "FORBIDDEN"],
    ["a look-alike Origin", { origin: `${APP}.evil.example`, "content-type": "application/json" }, "FORBIDDEN"],
    ["Origin null (sandboxed frame, file:)", { origin: "null", "content-type": "application/json" }, "FORBIDDEN"],
    ["another port", { origin: `${APP}:8443`, "content-type": "application/json" }, "FORBIDDEN"],
    ["text/plain (a cross-site form's simple request)", { origin: APP, "content-type": "text/plain" }, "UNSUPPORTED_MEDIA_TYPE"],
    ["a form body", { origin: APP, "content-type": "application/x-www-form-urlencoded" }, "UNSUPPORTED_MEDIA_TYPE"],
    ["multipart", { origin: APP, "content-type": "multipart/form-data; boundary=x" }, "UNSUPPORTED_MEDIA_TYPE"],
    ["no Content-Type", { origin: APP }, "UNSUPPORTED_MEDIA_TYPE"],
  ])("refuses %s", (_what, headers, code) => {
    expect(codeOf(() => checkMutationRequest(req(headers), APP))).toBe(code);
  });
  it("refuses GET", () => {
    expect(codeOf(() => checkMutationRequest(req({ origin: APP, "content-type": "application/json" }, "GET"), APP))).toBe("VALIDATION");
  });
});
