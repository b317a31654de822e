import { previewPolicyRoute } from "@/lib/risk/routes";

export const dynamic = "force-dynamic";
export const POST = previewPolicyRoute;
