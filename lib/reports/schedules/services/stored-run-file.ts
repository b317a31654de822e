import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A run's file in the database, 1 MB per row (report_run_chunks): written as the export streams and
 * read back as a pull-driven stream, so neither side ever holds the file. In the database rather than
 * the data directory because the worker and the web app may be different processes or machines.
 */

export const CHUNK_BYTES = 1024 * 1024;

/** Drains an export stream into chunks; returns the bytes written. */
export async function writeRunFile(prisma: Pick<PrismaClient, "reportRunChunk">, runId: string, stream: ReadableStream<Uint8Array>): Promise<number> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let total = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = new Uint8Array(pendingBytes);
    let at = 0;
    for (const part of pending) {
      data.set(part, at);
      at += part.byteLength;
    }
    pending = [];
    pendingBytes = 0;
    await prisma.reportRunChunk.create({ data: { runId, seq: seq++, data } });
  };
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pending.push(value);
    pendingBytes += value.byteLength;
    total += value.byteLength;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  return total;
}

export function readRunFile(prisma: Pick<PrismaClient, "reportRunChunk">, runId: string): ReadableStream<Uint8Array> {
  let seq = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await prisma.reportRunChunk.findUnique({ where: { runId_seq: { runId, seq } }, select: { data: true } });
        if (!chunk) return controller.close();
        seq++;
        controller.enqueue(new Uint8Array(chunk.data));
      },
    },
    { highWaterMark: 1 },
  );
}
