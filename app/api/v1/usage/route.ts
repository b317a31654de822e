import { ingestUsageRoute } from "@/lib/usage/routes";

export const dynamic = "force-dynamic";
export const POST = ingestUsageRoute;
