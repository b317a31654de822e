import { gunzipSync } from "node:zlib";
import { AppError } from "@/lib/errors/app-error";
import { readBoundedBody } from "@/lib/server/read-bounded-body";

/**
 * A machine body, bounded twice: as it arrives (stop reading past `maxWireBytes`, whatever
 * Content-Length claims) and once inflated (a 4 MB gzip bomb must not become 4 GB in memory).
 * gzip is what OTLP exporters and the Collector send when compression is on.
 */

export type TBodyLimits = { maxWireBytes: number; maxBodyBytes: number };

export type TReadBody = { bytes: Buffer; mediaType: string };

export function mediaTypeOf(request: Request): string {
  return request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
}

function tooLarge(max: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is over ${Math.round(max / 1024 / 1024)} MB: send smaller batches.`);
}

export async function readMachineBody(request: Request, limits: TBodyLimits): Promise<TReadBody> {
  const encoding = request.headers.get("content-encoding")?.trim().toLowerCase() ?? "identity";
  if (encoding !== "identity" && encoding !== "gzip") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Content-Encoding ${encoding} is not supported: send gzip or no encoding.`);
  }
  const wire = await readBoundedBody(request, limits.maxWireBytes, () => tooLarge(limits.maxWireBytes));
  if (encoding === "identity") {
    if (wire.byteLength > limits.maxBodyBytes) throw tooLarge(limits.maxBodyBytes);
    return { bytes: wire, mediaType: mediaTypeOf(request) };
  }
  try {
    return { bytes: gunzipSync(wire, { maxOutputLength: limits.maxBodyBytes }), mediaType: mediaTypeOf(request) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(limits.maxBodyBytes);
    throw new AppError("VALIDATION", "The body is not valid gzip (Content-Encoding: gzip).");
  }
}

/** UTF-8 text, refusing bytes that are not: a binary body sent as JSON is the sender's mistake. */
export function utf8(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("VALIDATION", "The body is not UTF-8 text.");
  }
}
