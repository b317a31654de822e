import { recomputeStatusRoute } from "@/lib/risk/routes";

export const dynamic = "force-dynamic";
export const GET = recomputeStatusRoute;
