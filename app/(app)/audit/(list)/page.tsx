import { Download, ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { auditFilterOptions, lastChainVerification, listAuditLog } from "@/lib/audit/queries";
import { parseAuditPageQuery } from "@/lib/audit/page-query";
import { readAuditSigningStatus } from "@/lib/audit/signing-status";
import { db } from "@/lib/db/client";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditPager } from "@/components/audit/audit-pager";
import { AuditTable } from "@/components/audit/audit-table";
import { IntegrityPanel } from "@/components/audit/integrity-panel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit trail" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: TSearchParams }) {
  const parsed = parseAuditPageQuery(await searchParams);
  const [actor, page, signing, options, lastRun] = await Promise.all([
    requireActor(),
    parsed.ok ? listAuditLog(parsed.query) : null,
    db().then(readAuditSigningStatus),
    auditFilterOptions(),
    lastChainVerification(),
  ]);
  const filtered = Object.keys(parsed.filters).length > 0;
  const cursor = parsed.ok ? (parsed.query.cursor ?? null) : null;

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change and every privileged read or export, append-only and hash-chained."
        actions={
          allows(actor, "audit.export") ? (
            <Button asChild variant="secondary">
              {/* A plain link: the export is a streamed file from a route handler, not a page. */}
              <a href="/api/v1/audit/export" download data-testid="audit-export">
                <Download aria-hidden />
                Export (NDJSON)
              </a>
            </Button>
          ) : null
        }
      />
      <IntegrityPanel canVerify={allows(actor, "audit.verify")} signing={signing} lastRun={lastRun} />
      <AuditFilters values={parsed.filters} actions={options.actions} targetTypes={options.targetTypes} />
      {!page ? (
        <Alert tone="danger" title="This address does not describe an audit query" data-testid="audit-query-error">
          {parsed.ok ? null : parsed.message}{" "}
          <Link href="/audit" className="text-primary underline-offset-4 hover:underline">
            Open the newest events
          </Link>
        </Alert>
      ) : page.items.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={cursor ? "No older events" : filtered ? "No event matches these filters" : "No audit events yet"}
          description={
            cursor
              ? "You have reached the oldest event that matches."
              : filtered
                ? "Widen the time range or clear a filter."
                : "Events appear as soon as anyone changes something: roles, teams, ownership, workflows, policy."
          }
        />
      ) : (
        <AuditTable items={page.items} />
      )}
      {page ? <AuditPager filters={parsed.filters} cursor={cursor} nextCursor={page.nextCursor} /> : null}
    </>
  );
}
