import { exportPolicyRoute } from "@/lib/risk/routes";

export const dynamic = "force-dynamic";
export const GET = exportPolicyRoute;
