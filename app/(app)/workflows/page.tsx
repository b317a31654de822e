import { Workflow } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { FeatureList } from "@/components/ui/feature-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Workflows" };

export default function WorkflowsPage() {
  return (
    <>
      <PageHeader title="Workflows" description="Rotations and revocations, run against the real provider and approved by the credential's owner." />
      <EmptyState
        icon={Workflow}
        title="No rotations or revocations yet"
        description="Each request will appear here with its state, its approvals and every step it has taken, so nothing happens out of sight."
      >
        <FeatureList
          title="What you will be able to do here"
          items={[
            "Request a rotation: the old credential is revoked only after the new one is delivered and verified",
            "Approve or reject requests for credentials you own — nobody approves their own request",
            "Revoke in bulk from a filter, with a dry-run list first and a result per item",
            "Break-glass revocation for the security team, with a required reason, flagged in reports",
          ]}
        />
      </EmptyState>
    </>
  );
}
