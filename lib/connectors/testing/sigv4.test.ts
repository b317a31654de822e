import { describe, expect, it } from "vitest";
import { canonicalRequest, signatureOf, verifySigV4, type TSignedRequest } from "./sigv4";

/**
 * AWS's SigV4 test suite (aws-sig-v4-test-suite, referenced from "Signature Version 4 test suite" in
 * the AWS General Reference): credentials AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY,
 * region us-east-1, service "service", 2015-08-30T12:36:00Z. The signatures below are the suite's
 * published expected values; if the verifier agrees with them, its canonical request, string to sign
 * and key derivation are AWS's.
 */
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const SCOPE = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";
const secretOf = (id: string) => (id === "AKIDEXAMPLE" ? SECRET : undefined);

function request(method: string, target: string, extra: [string, string][], body: string, signedHeaders: string, signature: string): TSignedRequest {
  return {
    method,
    target,
    body,
    headers: [
      ...extra,
      ["Host", "example.amazonaws.com"],
      ["X-Amz-Date", "20150830T123600Z"],
      ["Authorization", `AWS4-HMAC-SHA256 Credential=${SCOPE}, SignedHeaders=${signedHeaders}, Signature=${signature}`],
    ],
  };
}

const getVanilla = () => request("GET", "/", [], "", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
const queryOrder = () => request("GET", "/?Param2=value2&Param1=value1", [], "", "host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
const postForm = () =>
  request("POST", "/", [["Content-Type", "application/x-www-form-urlencoded"]], "Param1=value1", "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");

describe("SigV4 verifier against AWS's published test suite", () => {
  it("get-vanilla: the canonical request is the suite's, and the signature verifies", () => {
    expect(canonicalRequest(getVanilla(), ["host", "x-amz-date"])).toBe(
      "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(verifySigV4(getVanilla(), secretOf)).toMatchObject({ ok: true, auth: { accessKeyId: "AKIDEXAMPLE", region: "us-east-1", service: "service" } });
  });

  it("get-vanilla-query-order-key-case: query parameters are sorted before signing", () => {
    expect(verifySigV4(queryOrder(), secretOf).ok).toBe(true);
  });

  it("post-x-www-form-urlencoded: the body (IAM's Action=… form) is part of what is signed", () => {
    expect(
      canonicalRequest(postForm(), ["content-type", "host", "x-amz-date"]),
    ).toBe(
      "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
    );
    expect(verifySigV4(postForm(), secretOf).ok).toBe(true);
  });

  it("a changed body, a wrong secret or a changed signature is SignatureDoesNotMatch", () => {
    expect(verifySigV4({ ...postForm(), body: "Param1=value2" }, secretOf)).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
    expect(verifySigV4(getVanilla(), () => "not-the-secret")).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
    const r = getVanilla();
    r.headers = r.headers.map(([k, v]) => [k, k === "Authorization" ? v.replace(/.$/, "0") : v]);
    expect(verifySigV4(r, secretOf)).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
  });

  it("an unknown key id is InvalidClientTokenId, a missing header MissingAuthenticationToken, a malformed one IncompleteSignature", () => {
    expect(verifySigV4(getVanilla(), () => undefined)).toMatchObject({ ok: false, code: "InvalidClientTokenId" });
    expect(verifySigV4({ ...getVanilla(), headers: [["Host", "example.amazonaws.com"]] }, secretOf)).toMatchObject({ ok: false, code: "MissingAuthenticationToken" });
    const broken = getVanilla();
    broken.headers = broken.headers.map(([k, v]) => [k, k === "Authorization" ? "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE" : v]);
    expect(verifySigV4(broken, secretOf)).toMatchObject({ ok: false, code: "IncompleteSignature" });
  });

  it("signatureOf reproduces the published signature from the parts alone", () => {
    expect(signatureOf(getVanilla(), { date: "20150830", region: "us-east-1", service: "service", signedHeaders: ["host", "x-amz-date"] }, SECRET)).toBe(
      "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
  });
});
