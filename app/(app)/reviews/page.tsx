import { ClipboardCheck } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { FeatureList } from "@/components/ui/feature-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Reviews" };

export default function ReviewsPage() {
  return (
    <>
      <PageHeader title="Access reviews" description="Periodic campaigns in which owners confirm that each credential is still needed." />
      <EmptyState
        icon={ClipboardCheck}
        title="No review campaigns yet"
        description="Campaigns will be listed here with their scope, deadline and progress."
      >
        <FeatureList
          title="What you will be able to do here"
          items={[
            "Start a campaign over a slice of the inventory (a provider, a team, high-risk credentials)",
            "As an owner, attest each credential: keep, rotate or revoke",
            "Follow progress and chase overdue items",
            "Export the outcome as evidence an auditor can verify",
          ]}
        />
      </EmptyState>
    </>
  );
}
