import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { actorReach } from "@/lib/auth/access";
import { getDatabase } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { hopQueryToSearchParams, hopSearchRecord, parseHopQuery, type THopPage } from "@/lib/usage/hop-log-params";
import { listHops } from "@/lib/usage/queries";

/**
 * What /usage renders on the server: the first page for the URL (seeding the client cache) within
 * the actor's reach, and the name behind a credential id in the URL.
 */
export async function loadUsagePageData(actor: TActor, searchParams: Record<string, string | string[] | undefined>) {
  const reach = actorReach(actor, "usage.read");
  const parsed = parseHopQuery(hopSearchRecord(searchParams));
  let initial: { queryString: string; page: THopPage } | null = null;
  let credentialLabel: string | null = null;
  if (reach && parsed.success) {
    const database = await getDatabase();
    try {
      initial = { queryString: hopQueryToSearchParams(parsed.data).toString(), page: await listHops(database.read, parsed.data, { actor, reach }) };
    } catch (error) {
      // A stale or forged cursor: the client shows the API's message and a way back.
      if (!isAppError(error)) throw error;
    }
    if (parsed.data.credential) {
      const credential = await database.prisma.credential.findUnique({ where: { id: parsed.data.credential }, select: { name: true } });
      credentialLabel = credential?.name ?? null;
    }
  }
  return { initial, credentialLabel, ownedOnly: reach === "owned" };
}
