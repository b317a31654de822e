import { Workflow } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ViewTabs } from "@/components/workflows/view-tabs";
import { WorkflowsTable } from "@/components/workflows/workflows-table";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { countPendingApprovals, listWorkflows } from "@/lib/workflows/queries";
import { ZWorkflowListQuery, type TWorkflowListQuery } from "@/lib/workflows/schemas";
import { workflowsHref } from "@/lib/workflows/urls";

export const metadata: Metadata = { title: "Workflows" };
export const dynamic = "force-dynamic";

const VIEWS: { view: TWorkflowListQuery["view"]; label: string; empty: string }[] = [
  { view: "open", label: "Open", empty: "Nothing is being rotated or revoked right now." },
  { view: "approvals", label: "My approvals", empty: "No request waits for your decision." },
  { view: "mine", label: "Mine", empty: "You have requested nothing, and nothing you own is in a workflow." },
  { view: "all", label: "All", empty: "No rotation or revocation has been requested yet." },
];

export default async function WorkflowsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ZWorkflowListQuery.safeParse(raw);
  const prisma = await db();
  const approvals = await countPendingApprovals(prisma, actor);
  const header = (
    <PageHeader title="Workflows" description="Rotations and revocations, run against the real provider and approved by the credential's owner.">
      <ViewTabs
        label="Workflow views"
        tabs={VIEWS.map((v) => ({ href: workflowsHref({ view: v.view }), label: v.label, count: v.view === "approvals" ? approvals : undefined, active: parsed.success && parsed.data.view === v.view }))}
      />
    </PageHeader>
  );
  if (!parsed.success) {
    return (
      <>
        {header}
        <Alert tone="danger" title="This address does not describe a list of workflows" data-testid="workflows-bad-query">
          {parsed.error.issues[0]?.message}. <Link href="/workflows" className="font-medium underline">Show the open workflows</Link>
        </Alert>
      </>
    );
  }
  const query = parsed.data;
  const { items, nextCursor, readAt } = await listWorkflows(prisma, actor, query);
  const view = VIEWS.find((v) => v.view === query.view)!;
  return (
    <>
      {header}
      <div className="mb-3 flex flex-wrap items-center gap-2 text-ui">
        <span className="text-muted-foreground">Show:</span>
        {[
          { label: "Any kind", href: workflowsHref({ ...query, kind: undefined, cursor: undefined }), active: !query.kind },
          { label: "Rotations", href: workflowsHref({ ...query, kind: "rotation", cursor: undefined }), active: query.kind === "rotation" },
          { label: "Revocations", href: workflowsHref({ ...query, kind: "revocation", cursor: undefined }), active: query.kind === "revocation" },
          { label: "Break-glass only", href: workflowsHref({ ...query, breakGlass: query.breakGlass ? undefined : "1", cursor: undefined }), active: Boolean(query.breakGlass) },
        ].map((f) => (
          <Link key={f.label} href={f.href} aria-current={f.active ? "true" : undefined} className={f.active ? "rounded-md bg-accent px-2 py-0.5 font-medium" : "rounded-md px-2 py-0.5 text-muted-foreground hover:text-foreground"}>
            {f.label}
          </Link>
        ))}
      </div>
      {items.length ? (
        <>
          <WorkflowsTable rows={items} now={readAt} label={`${view.label} workflows`} />
          {nextCursor ? (
            <div className="mt-3 flex justify-end">
              <Link href={workflowsHref({ ...query, cursor: nextCursor })} className="text-ui font-medium text-primary hover:underline" data-testid="workflows-next">
                Older workflows
              </Link>
            </div>
          ) : null}
        </>
      ) : (
        <EmptyState icon={Workflow} title={query.cursor ? "No older workflows" : view.empty} description="Request a rotation or revocation from a credential's page; it appears here with its state, approvals and every step it takes." />
      )}
    </>
  );
}
