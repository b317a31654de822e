import { FileCollector } from "@/lib/discovery/collector";
import { REPORT_LIMITS } from "@/lib/discovery/limits";
import { SCANNER } from "@/lib/discovery/report";
import type { TScanReport } from "@/lib/discovery/schemas";

/**
 * The client side of POST /api/v1/scans: the report as JSON, the API key as a bearer token, a
 * timeout on the whole exchange, no redirects followed (a redirect would carry the key to wherever
 * it points), and the server's answer returned as safe text to print.
 */

export type TSendResult = { ok: boolean; status?: number; message: string };

const MAX_ANSWER_CHARS = 4000;

export async function sendReport(report: TScanReport, target: { endpoint: URL; key: string }, timeoutMs: number): Promise<TSendResult> {
  const body = JSON.stringify(report);
  if (Buffer.byteLength(body, "utf8") > REPORT_LIMITS.maxBodyBytes) {
    return { ok: false, message: `the report is ${Buffer.byteLength(body, "utf8")} bytes, over the ${REPORT_LIMITS.maxBodyBytes}-byte limit of the API; scan smaller directories` };
  }
  let response: Response;
  try {
    response = await fetch(target.endpoint, {
      method: "POST",
      headers: { Authorization: `Bearer ${target.key}`, "Content-Type": "application/json", Accept: "application/json", "User-Agent": `${SCANNER.name}/${SCANNER.version}` },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { ok: false, message: networkError(error, timeoutMs) };
  }
  let text = "";
  try {
    text = await readCapped(response);
  } catch (error) {
    return { ok: false, status: response.status, message: `${response.status}: the answer could not be read (${networkError(error, timeoutMs)})` };
  }
  const shown = safeAnswer(text);
  if (response.status >= 300 && response.status < 400) {
    return { ok: false, status: response.status, message: `${response.status}: the server redirects (to ${safeAnswer(response.headers.get("location") ?? "?")}); give that URL to --send instead` };
  }
  return { ok: response.ok, status: response.status, message: `${response.status} ${response.statusText}${shown ? `\n${shown}` : ""}` };
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > MAX_ANSWER_CHARS * 4) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The server's words, pretty if JSON, with control characters escaped (a hostile answer must not drive the terminal). */
function safeAnswer(text: string): string {
  let out = text.trim();
  try {
    out = JSON.stringify(JSON.parse(out), null, 2);
  } catch {
    // Not JSON: shown as text.
  }
  return new FileCollector().emit(out, MAX_ANSWER_CHARS).replace(/\\u000a/g, "\n");
}

function networkError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const code = e?.cause?.code;
  if (code === "ECONNREFUSED") return "connection refused (is Tokenward running at that address?)";
  if (code === "ENOTFOUND") return "host not found";
  if (code?.startsWith("ERR_TLS") || code === "DEPTH_ZERO_SELF_SIGNED_CERT" || code === "UNABLE_TO_VERIFY_LEAF_SIGNATURE" || code === "CERT_HAS_EXPIRED") {
    return `TLS certificate problem (${code})`;
  }
  return code ? `network error (${code})` : `network error (${e?.cause?.message ?? e?.message ?? "unknown"})`;
}
