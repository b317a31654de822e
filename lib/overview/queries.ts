import "server-only";
import { db } from "@/lib/db/client";

export type TOverviewCounts = {
  credentials: number;
  activeCredentials: number;
  identities: number;
  mcpServers: number;
  providers: number;
  auditEvents: number;
};

/**
 * Headline counts. Uses the planner's estimate for large tables would be faster, but exact counts
 * of these small-to-medium tables are cheap with the indexes in place; the inventory issue replaces
 * this with maintained aggregates for 1M-row scale.
 */
export async function getOverviewCounts(): Promise<TOverviewCounts> {
  const prisma = await db();
  const [credentials, activeCredentials, identities, mcpServers, providers, auditEvents] = await Promise.all([
    prisma.credential.count(),
    prisma.credential.count({ where: { status: "active" } }),
    prisma.identity.count(),
    prisma.mcpServer.count(),
    prisma.provider.count(),
    prisma.auditEvent.count(),
  ]);
  return { credentials, activeCredentials, identities, mcpServers, providers, auditEvents };
}
