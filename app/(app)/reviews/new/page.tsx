import type { Metadata } from "next";
import { Suspense } from "react";
import { InventoryView } from "@/components/inventory/inventory-view";
import { NewCampaignForm } from "@/components/reviews/new-campaign-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { loadInventoryPageData } from "@/lib/inventory/page-data";
import { listOrphanReviewers, newCampaignDates } from "@/lib/reviews/queries";

export const metadata: Metadata = { title: "New review campaign" };

export default async function NewReviewCampaignPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const header = <PageHeader title="New review campaign" description="Choose the credentials with the inventory's filters, a due date, and who reviews the orphans." />;
  if (!allows(actor, "reviews.manage")) {
    return (
      <>
        {header}
        <Alert tone="danger" title="Only security and admins start review campaigns" data-testid="campaign-forbidden">
          You can attest the items assigned to you under Reviews → My reviews.
        </Alert>
      </>
    );
  }
  const [data, reviewers] = await Promise.all([loadInventoryPageData(actor, await searchParams), listOrphanReviewers()]);
  const dates = newCampaignDates();
  return (
    <>
      {header}
      <div className="flex flex-col gap-6">
        <Suspense fallback={<Skeleton className="h-48" />}>
          <NewCampaignForm reviewers={reviewers} {...dates} />
        </Suspense>
        <Suspense fallback={<Skeleton className="h-96" />}>
          <InventoryView
            basePath="/reviews/new"
            initial={data.initial}
            options={data.options}
            frameworks={data.frameworks}
            labels={data.labels}
            initialColumns={data.columns}
            permissions={data.permissions}
            serverNow={data.now}
          />
        </Suspense>
      </div>
    </>
  );
}
