import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/security/client-address";

const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

describe("clientAddress", () => {
  it("ignores a client-chosen X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress(h("6.6.6.6"), 0)).toBeNull();
    expect(clientAddress(h(), 0)).toBeNull();
  });
  it("takes the N-th entry from the right with N trusted proxies, never the spoofable left ones", () => {
    expect(clientAddress(h("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(h("6.6.6.6, 7.7.7.7, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(clientAddress(h("203.0.113.7"), 3)).toBe("203.0.113.7");
    expect(clientAddress(h(" , "), 1)).toBeNull();
  });
});
