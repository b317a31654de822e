import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

/**
 * The probe's one HTTP client. The target URL is typed in by an admin and every further URL (the
 * resource_metadata link, authorization servers) comes from the target itself, so each call:
 * - allows only http(s) without user info, and refuses link-local / unspecified addresses (cloud
 *   metadata endpoints live there) by literal and by DNS answer;
 * - never follows a redirect to another origin (a same-origin redirect is followed, at most 3);
 * - has one timeout for connect, headers and body, and reads at most `maxBytes` of the body;
 * - returns status, the headers it needs and the body text; it never throws for an HTTP status.
 * Private networks stay reachable on purpose: MCP servers are often internal. The DNS check is
 * made before the request (a rebinding resolver can still answer differently at connect time).
 */

export const PROBE_TIMEOUT_MS = 8_000;
export const PROBE_MAX_BODY_BYTES = 256 * 1024;
const MAX_REDIRECTS = 3;

export class ProbeHttpError extends Error {
  override name = "ProbeHttpError";
  constructor(message: string) {
    super(message);
  }
}

export type TProbeResponse = {
  url: string;
  status: number;
  headers: Headers;
  text: string;
  /** The body went over the limit and was cut. */
  truncated: boolean;
};

export type TProbeRequest = {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  maxBytes?: number;
};

function blockedAddress(address: string): boolean {
  const v = isIP(address);
  if (v === 4) return address.startsWith("169.254.") || address === "0.0.0.0" || address.startsWith("0.");
  if (v === 6) {
    const a = address.toLowerCase();
    if (a === "::" || a.startsWith("fe8") || a.startsWith("fe9") || a.startsWith("fea") || a.startsWith("feb")) return true;
    const mapped = a.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
    return mapped ? blockedAddress(mapped[1]!) : false;
  }
  return false;
}

/** Parses and vets a URL the probe is about to call; throws ProbeHttpError saying why not. */
export async function vetProbeUrl(raw: string): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ProbeHttpError(`"${raw.slice(0, 200)}" is not a valid URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ProbeHttpError(`${url.protocol} URLs are not probed (http or https only)`);
  if (url.username || url.password) throw new ProbeHttpError("URLs with user info are not probed");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "metadata.google.internal") throw new ProbeHttpError(`${host} is a cloud metadata endpoint`);
  const addresses = isIP(host) ? [host] : await lookup(host, { all: true }).then((list) => list.map((a) => a.address)).catch(() => {
    throw new ProbeHttpError(`${host} does not resolve`);
  });
  const bad = addresses.find(blockedAddress);
  if (bad) throw new ProbeHttpError(`${host} resolves to ${bad}, a link-local or unspecified address (refused)`);
  return url;
}

async function readCapped(response: Response, maxBytes: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: "", truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      chunks.push(value.subarray(0, value.byteLength - (size - maxBytes)));
      truncated = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString("utf8"), truncated };
}

export async function probeFetch(rawUrl: string, request: TProbeRequest = {}): Promise<TProbeResponse> {
  const timeoutMs = request.timeoutMs ?? PROBE_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = await vetProbeUrl(rawUrl);
  const origin = url.origin;
  for (let hop = 0; ; hop++) {
    let response: Response;
    let body: { text: string; truncated: boolean };
    try {
      response = await fetch(url, { method: request.method ?? "GET", headers: request.headers, body: request.body, signal, redirect: "manual" });
      body = await readCapped(response, request.maxBytes ?? PROBE_MAX_BODY_BYTES);
    } catch (cause) {
      const name = (cause as { name?: string })?.name;
      if (name === "TimeoutError" || name === "AbortError") throw new ProbeHttpError(`${url.host} did not answer within ${timeoutMs / 1000} s`);
      const code = (cause as { cause?: { code?: string } })?.cause?.code;
      throw new ProbeHttpError(`could not reach ${url.host}: ${code === "ECONNREFUSED" ? "connection refused" : (code ?? "connection failed")}`);
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new ProbeHttpError(`${url.host} redirects to an invalid URL`);
      }
      if (next.origin !== origin) throw new ProbeHttpError(`${url.host} redirects to another host (${next.origin}); not followed`);
      if (hop >= MAX_REDIRECTS) throw new ProbeHttpError(`${url.host} redirects more than ${MAX_REDIRECTS} times`);
      url = next;
      continue;
    }
    return { url: url.href, status: response.status, headers: response.headers, ...body };
  }
}

/** Parses a body as JSON: undefined when it is not JSON (the caller words the evidence). */
export function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
