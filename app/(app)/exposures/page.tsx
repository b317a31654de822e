import { ShieldCheck, Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ExposureFilters } from "@/components/exposures/exposure-filters";
import { ExposuresTable } from "@/components/exposures/exposures-table";
import { formatNumber } from "@/components/inventory/format";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listExposures } from "@/lib/exposures/queries";
import { ZExposureFilters } from "@/lib/exposures/schemas";

export const metadata: Metadata = { title: "Exposures" };

export default async function ExposuresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const filters = ZExposureFilters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const list = await listExposures(await db(), actor, filters);
  const now = list.readAt;
  const pageHref = (page: number) => `/exposures?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])), page: String(page) })}`;
  return (
    <>
      <PageHeader
        title="Exposures"
        description="Every place a secret was found in clear — MCP client configs, env files, repositories, CI logs, prompts — and the credential it belongs to. Only fingerprints are kept."
        actions={
          allows(actor, "scans.write") ? (
            <Button asChild size="sm" variant="secondary">
              <Link href="/mcp-servers/scan">
                <Upload aria-hidden />
                Scan MCP configs
              </Link>
            </Button>
          ) : null
        }
      />
      <ExposureFilters filters={filters} />
      {list.items.length === 0 ? (
        <EmptyState
          icon={ShieldCheck}
          title={filters.state === "open" ? "No open exposures" : "No exposures match"}
          description="Exposures appear when a scan (npm run scan, or an upload) finds a secret in clear."
        />
      ) : (
        <>
          <p className="mb-2 text-xs text-muted-foreground" data-testid="exposure-count">
            {formatNumber(list.total)} {list.total === 1 ? "exposure" : "exposures"} ({formatNumber(list.open)} open)
          </p>
          <ExposuresTable items={list.items} now={now} />
          {list.pages > 1 ? (
            <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-ui">
              {list.page > 1 ? <Link className="text-primary hover:underline" href={pageHref(list.page - 1)}>Previous</Link> : null}
              <span className="text-muted-foreground">
                Page {list.page} of {list.pages}
              </span>
              {list.page < list.pages ? <Link className="text-primary hover:underline" href={pageHref(list.page + 1)}>Next</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
