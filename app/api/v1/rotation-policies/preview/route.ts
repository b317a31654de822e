import { previewRotationPolicyRoute } from "@/lib/rotation-policies/routes";

export const dynamic = "force-dynamic";
export const POST = previewRotationPolicyRoute;
