import type { Metadata } from "next";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { getPolicyPageData } from "@/lib/risk/queries";
import { PolicyEditor } from "@/components/risk/policy/policy-editor";
import { SettingsHeader } from "@/components/settings/settings-header";

export const metadata: Metadata = { title: "Risk policy" };
// Always the current version and live counts: this page is where they change.
export const dynamic = "force-dynamic";

export default async function RiskPolicyPage() {
  const actor = await requireActor();
  const data = await getPolicyPageData();
  return (
    <>
      <SettingsHeader role={actor.role} />
      <PolicyEditor key={data.active.version} data={data} canManage={allows(actor, "policy.manage")} canRecompute={allows(actor, "risk.recompute")} />
    </>
  );
}
