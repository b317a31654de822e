/**
 * A request body read at most `max` bytes: a declared Content-Length over it is refused unread, and a
 * body that streams past it is cut off (a missing or lying header cannot make us buffer more). The
 * one bounded reader behind the JSON mutation routes (lib/server/route.ts) and machine ingestion
 * (lib/usage/read-body.ts); each says in its own words what was too large.
 */
export async function readBoundedBody(request: Request, max: number, tooLarge: () => Error): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
