import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A read-only SQL statement straight to the driver: for the per-request hot path (the actor lookup,
 * the inventory page), where Prisma's raw-query pipeline (argument serialisation, the query
 * interpreter, result conversion) costs more than the index scan itself. Writes and anything
 * transactional go through Prisma.
 */
export type TSqlReader = <T>(text: string, values: readonly unknown[]) => Promise<T[]>;

/** The same interface over a Prisma client (PGlite, tests, server components holding a client). */
export function prismaReader(prisma: Pick<PrismaClient, "$queryRawUnsafe">): TSqlReader {
  return <T>(text: string, values: readonly unknown[]) => prisma.$queryRawUnsafe<T[]>(text, ...values);
}
