import type { Metadata } from "next";
import { Suspense } from "react";
import { HopLogView } from "@/components/usage/hop-log-view";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { requireActor } from "@/lib/auth/session";
import { loadUsagePageData } from "@/lib/usage/page-data";

export const metadata: Metadata = { title: "Usage" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsagePage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireActor();
  const data = await loadUsagePageData(actor, await searchParams);
  return (
    <>
      <PageHeader title="Usage" description="The hop log: every credential presented by a caller to a target, as gateways and MCP servers reported it. Filter by credential, trace, caller, target, tool, outcome and time; a trace opens its hop graph." />
      <Suspense fallback={<Skeleton className="h-96" />}>
        <HopLogView initial={data.initial} credentialLabel={data.credentialLabel} ownedOnly={data.ownedOnly} />
      </Suspense>
    </>
  );
}
