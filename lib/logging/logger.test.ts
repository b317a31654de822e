import { describe, expect, it } from "vitest";
import { redact, redactText } from "@/lib/logging/logger";

describe("log redaction", () => {
  it("drops values under secret-like keys, however deep", () => {
    expect(redact({ a: { clientSecret: "s3cr3t", nested: [{ authorization: "Bearer x" }] } })).toEqual({
      a: { clientSecret: "[redacted]", nested: [{ authorization: "[redacted]" }] },
    });
  });

  it("scrubs a connection string's password out of an error message and its stack", () => {
    const error = new Error("connect failed for postgresql://app:hunter2@db:5432/tokenward");
    const out = redact(error) as { message: string; stack: string };
    expect(out.message).toBe("connect failed for postgresql://app:[redacted]@db:5432/tokenward");
    expect(out.stack).not.toContain("hunter2");
  });

  it("scrubs bearer tokens and known token formats inside free text", () => {
    const text = [
      "header Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig",
      "pat ghp_0123456789abcdefghijABCDEFGHIJ012345",
      "fine github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
      "slack xoxb-1234567890-abcdefghij",
      "aws AKIAIOSFODNN7EXAMPLE",
      "ours twk_abcdefghijklmnop0123",
    ].join("\n");
    const out = redactText(text);
    for (const secret of ["eyJhbGciOiJIUzI1NiJ9", "ghp_0123", "github_pat_11", "xoxb-1234567890", "AKIAIOSFODNN7EXAMPLE", "twk_abcdefghijklmnop"]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain("Authorization: Bearer [redacted]");
  });

  it("leaves ordinary text and URLs without credentials alone", () => {
    const text = "GET https://api.github.com/orgs/acme 404 after 12 ms; basic plan";
    expect(redactText(text)).toBe(text);
  });
});
