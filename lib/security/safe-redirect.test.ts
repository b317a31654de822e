import { describe, expect, it } from "vitest";
import { safeRedirectPath, UnsafeRedirectError } from "@/lib/security/safe-redirect";

const ORIGIN = "http://localhost:3000";
const resolve = (value: unknown) => safeRedirectPath(value, ORIGIN);

describe("safeRedirectPath", () => {
  it("keeps same-origin paths with their search and hash", () => {
    expect(resolve("/")).toBe("/");
    expect(resolve("/inventory?risk=high&page=2#row-3")).toBe("/inventory?risk=high&page=2#row-3");
    expect(resolve("/settings/users")).toBe("/settings/users");
  });

  it("reduces a same-origin absolute URL to its path", () => {
    expect(resolve("http://localhost:3000/x?y=1#z")).toBe("/x?y=1#z");
  });

  it.each([
    ["tab after the slash", "/\t/evil.example"],
    ["encoded tab (as a browser decodes the query)", decodeURIComponent("/%09/evil.example")],
    ["LF", "/\n/evil.example"],
    ["CR", "/\r/evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["DEL", "/\u007f/x"],
    ["a newline in the middle", "/inventory\nSet-Cookie: x=1"],
    ["backslash", "\\evil.example"],
    ["slash-backslash", "/\\evil.example"],
    ["backslash inside", "/a\\b"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/inventory"],
    ["triple slash", "///evil.example"],
    ["absolute https", "https://evil.example/"],
    ["absolute http to another port", "http://localhost:3001/x"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["relative without slash", "evil.example"],
    ["empty", ""],
    ["leading space", " /x"],
    ["very long", `/${"a".repeat(5000)}`],
  ])("refuses %s", (_label, value) => {
    expect(() => resolve(value)).toThrow(UnsafeRedirectError);
  });

  it("keeps encoded forms encoded: they are a path on this host, never a host", () => {
    // `/%2F%2Fevil` is the path "/%2F%2Fevil" on this origin; the browser does not decode it into "//".
    expect(resolve("/%2F%2Fevil")).toBe("/%2F%2Fevil");
    expect(new URL(resolve("/%2F%2Fevil"), ORIGIN).host).toBe("localhost:3000");
    expect(new URL(resolve("/%09/evil.example"), ORIGIN).host).toBe("localhost:3000");
    expect(resolve("/%5Cevil")).toBe("/%5Cevil");
  });

  it.each([[undefined], [null], [42], [["/a", "/b"]], [{ toString: () => "/x" }]])("refuses the non-string %j", (value) => {
    expect(() => resolve(value)).toThrow(UnsafeRedirectError);
  });

  it("every accepted value stays on the origin", () => {
    for (const value of ["/", "/a/b", "/a?b=//evil", "/#//evil", "http://localhost:3000//x"]) {
      let path: string;
      try {
        path = resolve(value);
      } catch {
        continue;
      }
      expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
      expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
    }
  });
});
