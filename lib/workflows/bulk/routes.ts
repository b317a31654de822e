import "server-only";
import { z } from "zod";
import { defineRoute } from "@/lib/server/route";
import { batchProgress } from "./queries";

/** GET /api/v1/workflows/batches/progress?id= — a bulk revocation's progress, polled by its page. */
export const batchProgressRoute = defineRoute({
  kind: "read",
  name: "workflows.batch_progress",
  permission: "workflows.read",
  query: z.object({ id: z.uuid({ error: "id must be a batch id" }) }),
  run: ({ prisma, query }) => batchProgress(prisma, query.id),
});
