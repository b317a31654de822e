import { Download, ScrollText } from "lucide-react";
import type { Metadata } from "next";
import { listAuditEvents } from "@/lib/audit/queries";
import { readAuditSigningStatus } from "@/lib/audit/signing-status";
import { db } from "@/lib/db/client";
import { allows } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/session";
import { AuditPager } from "@/components/audit/audit-pager";
import { AuditTable } from "@/components/audit/audit-table";
import { IntegrityPanel } from "@/components/audit/integrity-panel";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit trail" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: TSearchParams }) {
  const raw = (await searchParams).cursor;
  // A malformed cursor (hand-edited URL) falls back to the newest page instead of an error page.
  const cursor = typeof raw === "string" && /^\d{1,19}$/.test(raw) ? raw : null;
  const [actor, page, signing] = await Promise.all([requireActor(), listAuditEvents({ cursor: cursor ?? undefined }), db().then(readAuditSigningStatus)]);

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
      <IntegrityPanel canVerify={allows(actor, "audit.verify")} signing={signing} />
      {page.items.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={cursor ? "No older events" : "No audit events yet"}
          description={
            cursor
              ? "You have reached the start of the chain."
              : "Events appear as soon as anyone changes something: roles, teams, ownership, workflows, policy."
          }
        />
      ) : (
        <AuditTable items={page.items} />
      )}
      <AuditPager cursor={cursor} nextCursor={page.nextCursor} firstSeq={page.items[0]?.seq} lastSeq={page.items.at(-1)?.seq} />
    </>
  );
}
