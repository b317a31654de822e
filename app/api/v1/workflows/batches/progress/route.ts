import { batchProgressRoute } from "@/lib/workflows/bulk/routes";

export const dynamic = "force-dynamic";
export const GET = batchProgressRoute;
