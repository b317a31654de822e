import type { Metadata } from "next";
import { RotationPolicyPage } from "@/components/rotation-policies/rotation-policy-page";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Rotation policy" };
export const dynamic = "force-dynamic";

export default async function RotationPolicySettingsPage() {
  const actor = await requireActor();
  return <RotationPolicyPage actor={actor} />;
}
