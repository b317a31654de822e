import { providerSyncStatusRoute } from "@/lib/providers/routes";

export const dynamic = "force-dynamic";
export const GET = providerSyncStatusRoute;
