import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

/**
 * Compresses JSON API responses. `next start` compresses pages but not route handler bodies (an
 * inventory page of JSON went out as 48.9 KB, 7.7 KB gzipped). Only JSON is touched: streamed
 * exports keep streaming, and bodies under MIN_BYTES cost more to compress than they save.
 */

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const MIN_BYTES = 1024;
// Brotli's default quality (11) costs tens of ms on 50 KB; 4 is about gzip's speed, smaller output.
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

export type TEncoding = "br" | "gzip";

/** The coding to use for an Accept-Encoding header (RFC 9110 §12.5.3): highest q, brotli on ties; null = identity. */
export function pickEncoding(header: string | null): TEncoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(",")) {
    const [name, ...params] = part.split(";").map((s) => s.trim());
    if (!name) continue;
    const qParam = params.find((p) => p.startsWith("q="));
    const value = qParam === undefined ? 1 : /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(qParam.slice(2)) ? Number(qParam.slice(2)) : 0;
    q.set(name, value);
  }
  const weight = (coding: TEncoding) => q.get(coding) ?? q.get("*") ?? 0;
  const best = (["br", "gzip"] as const).reduce<TEncoding | null>((a, c) => (weight(c) > 0 && (a === null || weight(c) > weight(a)) ? c : a), null);
  return best;
}

function withVary(headers: Headers): void {
  const vary = headers.get("vary");
  if (!vary) headers.set("vary", "Accept-Encoding");
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) headers.set("vary", `${vary}, Accept-Encoding`);
}

export async function compressResponse(request: Request, response: Response): Promise<Response> {
  const type = response.headers.get("content-type") ?? "";
  if (!response.body || response.headers.has("content-encoding") || !/^application\/(.+\+)?json\b/i.test(type)) return response;
  const headers = new Headers(response.headers);
  withVary(headers);
  const body = Buffer.from(await response.arrayBuffer());
  const encoding = body.length >= MIN_BYTES ? pickEncoding(request.headers.get("accept-encoding")) : null;
  const init = { status: response.status, statusText: response.statusText, headers };
  if (!encoding) return new Response(body, init);
  const compressed = encoding === "br" ? await brotli(body, BROTLI_OPTIONS) : await gzipAsync(body, { level: 6 });
  headers.set("content-encoding", encoding);
  headers.delete("content-length");
  return new Response(new Uint8Array(compressed), init);
}
