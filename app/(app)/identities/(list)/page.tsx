import { ArrowRight, Bot } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { IdentitiesTable } from "@/components/identities/identities-table";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listIdentities } from "@/lib/identities/queries";
import { ZIdentityListQuery, type TIdentityListQuery } from "@/lib/identities/schemas";
import { searchParamsRecord } from "@/lib/inventory/query-params";
import { describeZodError } from "@/lib/inventory/schemas";
import { IDENTITY_KIND_LABELS, IDENTITY_KINDS } from "@/lib/inventory/vocabulary";

export const metadata: Metadata = { title: "Identities" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function IdentitiesPage({ searchParams }: { searchParams: TSearchParams }) {
  await requireActor();
  const parsed = ZIdentityListQuery.safeParse(searchParamsRecord(await searchParams));
  const query: TIdentityListQuery = parsed.success ? parsed.data : {};
  const page = parsed.success ? await listIdentities(await db(), query) : null;
  const nextHref = page?.nextCursor
    ? `/identities?${new URLSearchParams({ ...(query.kind ? { kind: query.kind } : {}), ...(query.q ? { q: query.q } : {}), after: page.nextCursor })}`
    : null;

  return (
    <>
      <PageHeader
        title="Identities"
        description="Service accounts, agents, MCP clients and servers, apps and bots: who holds the credentials, and who they are presented to."
      />
      <form method="get" action="/identities" role="search" aria-label="Filter identities" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-56">
          <label htmlFor="identity-q" className="sr-only">
            Search identities by name
          </label>
          <Input id="identity-q" name="q" type="search" placeholder="Search by name…" defaultValue={query.q ?? ""} className="h-8 text-ui" data-testid="identity-search" />
        </div>
        <div className="w-48">
          <label htmlFor="identity-kind" className="sr-only">
            Kind
          </label>
          <Select id="identity-kind" name="kind" defaultValue={query.kind ?? ""} compact data-testid="identity-kind">
            <option value="">All kinds</option>
            {IDENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {IDENTITY_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" size="sm" variant="secondary">
          Apply
        </Button>
        {query.q || query.kind ? (
          <Button asChild size="sm" variant="ghost">
            <Link href="/identities">Clear</Link>
          </Button>
        ) : null}
      </form>
      {!parsed.success ? (
        <Alert tone="danger" title="This link has a filter Tokenward does not understand">
          {describeZodError(parsed.error)}
        </Alert>
      ) : page && page.items.length > 0 ? (
        <>
          <IdentitiesTable items={page.items} now={page.readAt} />
          <nav aria-label="Pages" className="mt-4 flex justify-between gap-2">
            {query.after ? (
              <Button asChild size="sm" variant="ghost">
                <Link href={`/identities?${new URLSearchParams({ ...(query.kind ? { kind: query.kind } : {}), ...(query.q ? { q: query.q } : {}) })}`}>First page</Link>
              </Button>
            ) : (
              <span />
            )}
            {nextHref ? (
              <Button asChild size="sm" variant="secondary">
                <Link href={nextHref} data-testid="identities-next">
                  Next
                  <ArrowRight aria-hidden />
                </Link>
              </Button>
            ) : null}
          </nav>
        </>
      ) : (
        <EmptyState
          icon={Bot}
          title={query.q || query.kind ? "No identity matches" : "No identities yet"}
          description={query.q || query.kind ? "Try another name or kind." : "Identities appear with provider syncs, MCP config scans and observed usage."}
        />
      )}
    </>
  );
}
