import "server-only";
import { getDatabase } from "@/lib/db/client";

/** Liveness + database reachability, for load balancers and the e2e web server. No secrets. */
export async function checkHealth(): Promise<{ status: "ok" | "degraded"; database: string; time: string }> {
  const time = new Date().toISOString();
  try {
    const database = await getDatabase();
    await database.prisma.$queryRawUnsafe("SELECT 1");
    return { status: "ok", database: database.kind, time };
  } catch {
    return { status: "degraded", database: "unreachable", time };
  }
}
