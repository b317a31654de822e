import { ClipboardCheck, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CampaignsTable } from "@/components/reviews/campaigns-table";
import { ViewTabs } from "@/components/workflows/view-tabs";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listCampaigns } from "@/lib/reviews/queries";

export const metadata: Metadata = { title: "Reviews" };
export const dynamic = "force-dynamic";

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const mine = (await searchParams).view === "mine";
  const { rows: all, readAt: now } = await listCampaigns(await db(), actor);
  const rows = mine ? all.filter((c) => c.myPending > 0) : all;
  const pending = all.reduce((n, c) => n + c.myPending, 0);
  const manage = allows(actor, "reviews.manage");
  return (
    <>
      <PageHeader
        title="Access reviews"
        description="Campaigns in which owners confirm, for each credential, that it is still needed: keep, rotate or revoke."
        actions={
          manage ? (
            <Button asChild size="sm" data-testid="new-campaign">
              <Link href="/reviews/new?status=active">
                <Plus aria-hidden />
                New campaign
              </Link>
            </Button>
          ) : undefined
        }
      >
        <ViewTabs
          label="Review views"
          tabs={[
            { href: "/reviews", label: "All campaigns", active: !mine },
            { href: "/reviews?view=mine", label: "My reviews", count: pending, active: mine },
          ]}
        />
      </PageHeader>
      {rows.length ? (
        <CampaignsTable rows={rows} now={now} label={mine ? "Campaigns with items for you to review" : "Review campaigns"} />
      ) : (
        <EmptyState
          icon={ClipboardCheck}
          title={mine ? "Nothing waits for your review" : "No review campaigns yet"}
          description={
            mine
              ? "When a campaign asks you about credentials you or your team own, it is listed here."
              : manage
                ? "Start one over a slice of the inventory: a provider, high-risk credentials, write scopes."
                : "Security starts campaigns over a slice of the inventory; yours will be listed here."
          }
        />
      )}
    </>
  );
}
