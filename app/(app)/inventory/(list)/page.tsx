import type { Metadata } from "next";
import { Suspense } from "react";
import { InventoryView } from "@/components/inventory/inventory-view";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { requireActor } from "@/lib/auth/session";
import { loadInventoryPageData } from "@/lib/inventory/page-data";

export const metadata: Metadata = { title: "Inventory" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InventoryPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireActor();
  const data = await loadInventoryPageData(actor, await searchParams);
  return (
    <>
      <PageHeader title="Inventory" description="Every machine credential Tokenward knows: who owns it, what it can do, how long it lives and who carries it." />
      <Suspense fallback={<Skeleton className="h-96" />}>
        <InventoryView
          basePath="/inventory"
          initial={data.initial}
          options={data.options}
          frameworks={data.frameworks}
          labels={data.labels}
          initialColumns={data.columns}
          permissions={data.permissions}
          serverNow={data.now}
        />
      </Suspense>
    </>
  );
}
