import { CalendarClock, CircleAlert, Clock, Eye, InfinityIcon, KeyRound, Share2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { InventoryView } from "@/components/inventory/inventory-view";
import { StatTile } from "@/components/overview/stat-tile";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadInventoryPageData } from "@/lib/inventory/page-data";
import { summarizeOwned } from "@/lib/inventory/queries";
import { inventoryHref, listQueryToSearchParams, type TCredentialFilter, type TCredentialListQuery } from "@/lib/inventory/query-params";
import { STALE_AFTER_DAYS } from "@/lib/inventory/vocabulary";

export const metadata: Metadata = { title: "My credentials" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

const mine = (query: Partial<TCredentialListQuery>) => {
  const qs = listQueryToSearchParams({ status: ["active"], ...query }).toString();
  return `/my-credentials?${qs}`;
};

/** The owner's view: the same inventory, locked to what the signed-in user or one of their teams owns. */
export default async function MyCredentialsPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireActor();
  const locked: TCredentialFilter = { mine: true };
  const data = await loadInventoryPageData(actor, await searchParams, locked);
  const summary = await summarizeOwned(await db(), actor, new Date(data.now), STALE_AFTER_DAYS);
  return (
    <>
      <PageHeader
        title="My credentials"
        description="What you and your teams own, and what is wrong with it. Fix the top of the list first: it is sorted by risk."
        actions={
          data.permissions.claim ? (
            <Link href={inventoryHref({ status: ["active"], orphaned: true })} className="text-ui font-medium text-primary hover:underline" data-testid="find-orphans">
              Find orphans to claim
            </Link>
          ) : null
        }
      />
      <section aria-label="What needs attention" className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <StatTile label="Owned" value={summary.total} icon={KeyRound} href="/my-credentials" hint={`${summary.active} active`} testId="mine-total" />
        <StatTile label="High risk" value={summary.highRisk} icon={CircleAlert} tone="danger" href={mine({ risk: ["critical", "high"] })} testId="mine-high-risk" />
        <StatTile label="Expiring soon" hint="within 30 days" value={summary.expiring30} icon={CalendarClock} tone="warning" href={mine({ expiresWithin: 30, sort: "expires", dir: "asc" })} testId="mine-expiring" />
        <StatTile label="Never expire" value={summary.neverExpires} icon={InfinityIcon} tone="warning" href={mine({ neverExpires: true })} testId="mine-never" />
        <StatTile label="Stale" hint={`unused for ${STALE_AFTER_DAYS}+ days`} value={summary.stale} icon={Clock} tone="warning" href={mine({ unusedFor: STALE_AFTER_DAYS })} testId="mine-stale" />
        <StatTile label="Exposed" value={summary.exposed} icon={Eye} tone="danger" href={mine({ exposed: true })} testId="mine-exposed" />
        <StatTile label="Shared" value={summary.shared} icon={Share2} tone="warning" href={mine({ shared: true })} testId="mine-shared" />
      </section>
      <Suspense fallback={<Skeleton className="h-96" />}>
        <InventoryView
          basePath="/my-credentials"
          lockedFilter={locked}
          initial={data.initial}
          options={data.options}
          frameworks={data.frameworks}
          labels={data.labels}
          initialColumns={data.columns}
          permissions={data.permissions}
          serverNow={data.now}
          emptyHint="Nothing is assigned to you yet. Security assigns owners, and you can claim orphaned credentials."
        />
      </Suspense>
    </>
  );
}
