import { auditEventsRoute } from "@/lib/audit/routes";

export const dynamic = "force-dynamic";
export const GET = auditEventsRoute;
