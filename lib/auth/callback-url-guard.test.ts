import { describe, expect, it, vi } from "vitest";
import { guardCallbackUrl } from "@/lib/auth/callback-url-guard";

const ORIGIN = "http://localhost:3000";
const ok = () => vi.fn(async () => new Response("auth.js answered", { status: 302, headers: { location: "/" } }));

/** Every hostile form the issue lists, and the browser's own normalisations of them. */
const HOSTILE = ["/\t/evil.example", "/\n/evil", "/x\r\nSet-Cookie: a=b", "//evil.example", "/\\evil.example", "https://evil.example/", "http://localhost:3000.evil.example/", "javascript:alert(1)", "evil.example"];
const SAFE = ["/", "/inventory?sort=risk#top", `${ORIGIN}/audit`];

async function body(response: Response) {
  return (await response.json()) as { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } };
}

describe("the /api/auth/* callbackUrl guard", () => {
  // As written in a hostile link: the query decodes "%09" to a tab, "%0A" to a newline.
  const RAW_QUERIES = ["/%09/evil.example", "/%0A/evil", "%2F%2Fevil.example", "//evil", "https%3A%2F%2Fevil.example"];
  it.each([...RAW_QUERIES, ...HOSTILE.map(encodeURIComponent)])("answers 400 VALIDATION for ?callbackUrl=%s, without calling Auth.js", async (raw) => {
    const handler = ok();
    const guarded = guardCallbackUrl(handler, () => ORIGIN);
    const response = await guarded(new Request(`${ORIGIN}/api/auth/signin?callbackUrl=${raw}`));
    expect(response.status).toBe(400);
    const { error } = await body(response);
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.callbackUrl?.[0]).toMatch(/\(query\)$/);
    expect(handler).not.toHaveBeenCalled();
  });

  it.each(HOSTILE)("answers 400 for callbackUrl=%j in a form or JSON body", async (value) => {
    const handler = ok();
    const guarded = guardCallbackUrl(handler, () => ORIGIN);
    const form = new Request(`${ORIGIN}/api/auth/callback/credentials`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ callbackUrl: value, csrfToken: "x" }) });
    expect((await guarded(form)).status).toBe(400);
    const json = new Request(`${ORIGIN}/api/auth/signin/oidc`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ callbackUrl: value }) });
    expect((await guarded(json)).status).toBe(400);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 400 for an unsafe callback-url cookie and clears it", async () => {
    const guarded = guardCallbackUrl(ok(), () => ORIGIN);
    const response = await guarded(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie: `a=1; authjs.callback-url=${encodeURIComponent("https://evil.example/")}` } }));
    expect(response.status).toBe(400);
    expect(response.headers.get("set-cookie")).toMatch(/^authjs\.callback-url=; Path=\/; Max-Age=0/);
    expect((await body(response)).error.fieldErrors?.callbackUrl?.[0]).toMatch(/\(cookie\)$/);
  });

  it.each(SAFE)("passes a same-origin callbackUrl=%j (and the cookie Auth.js itself sets) to Auth.js", async (value) => {
    const handler = ok();
    const guarded = guardCallbackUrl(handler, () => ORIGIN);
    const request = new Request(`${ORIGIN}/api/auth/signin?callbackUrl=${encodeURIComponent(value)}`, { headers: { cookie: `authjs.callback-url=${encodeURIComponent(`${ORIGIN}/inventory`)}` } });
    expect((await guarded(request)).status).toBe(302);
    expect(handler).toHaveBeenCalledOnce();
  });

  it("passes requests without a callbackUrl, and leaves the body readable for Auth.js", async () => {
    const handler = vi.fn(async (request: Request) => new Response(await request.text()));
    const guarded = guardCallbackUrl(handler, () => ORIGIN);
    expect((await guarded(new Request(`${ORIGIN}/api/auth/csrf`))).status).toBe(200);
    const form = new Request(`${ORIGIN}/api/auth/signout`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "csrfToken=abc&callbackUrl=%2Finventory" });
    expect(await (await guarded(form)).text()).toBe("csrfToken=abc&callbackUrl=%2Finventory");
  });

  it("compares against the configured origin, not the request's Host", async () => {
    const guarded = guardCallbackUrl(ok(), () => ORIGIN);
    // A spoofed Host makes request.url another origin; a target there is still foreign.
    const response = await guarded(new Request(`http://evil.example/api/auth/signin?callbackUrl=${encodeURIComponent("http://evil.example/x")}`));
    expect(response.status).toBe(400);
  });
});
