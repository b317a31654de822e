import Link from "next/link";
import { formatUtc } from "@/components/inventory/format";
import { ViewTabs } from "@/components/workflows/view-tabs";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TCampaignDetail } from "@/lib/reviews/queries";
import type { TReviewItemView } from "@/lib/reviews/schemas";
import { CampaignActions } from "./campaign-actions";
import { CampaignStateBadge } from "./campaign-state-badge";
import { ReviewItems } from "./review-items";

const VIEW_LABELS: Record<TReviewItemView, string> = { all: "All items", mine: "Mine", pending: "Pending", decided: "Decided" };

export function CampaignView({ detail, now }: { detail: TCampaignDetail; now: number }) {
  const { campaign: c, reviewers, outcomes, items, permissions } = detail;
  const href = (view: TReviewItemView, page = 1) => `/reviews/${c.id}${view === "all" && page === 1 ? "" : `?view=${view}${page > 1 ? `&page=${page}` : ""}`}`;
  const pending = c.items - c.decided;
  const late = c.status === "open" && new Date(c.dueAt).getTime() < now;
  return (
    <>
      <PageHeader
        title={c.name}
        description={c.description ?? undefined}
        actions={permissions.manage && c.status === "open" ? <CampaignActions campaignId={c.id} pending={pending} /> : undefined}
      >
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-ui text-muted-foreground">
          <CampaignStateBadge state={c.state} />
          <span>
            Due <time dateTime={c.dueAt}>{formatUtc(c.dueAt).slice(0, 10)}</time>
            {late ? <span className="text-danger"> (passed)</span> : null}
          </span>
          <span>
            Started by {c.createdBy} on {formatUtc(c.createdAt).slice(0, 10)}
          </span>
          {c.closedAt ? <span>Closed by {c.closedBy} on {formatUtc(c.closedAt).slice(0, 10)}</span> : null}
          <Link href={`/inventory${c.filter ? `?${c.filter}` : ""}`} className="text-primary hover:underline">
            Scope: the inventory filter at launch ({c.items} credentials, frozen)
          </Link>
        </div>
      </PageHeader>

      <div className="mb-6 grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <CardHeader>
            <CardTitle>Progress</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <ProgressBar label="Campaign progress" done={c.decided} total={c.items} valueText={`${c.decided} of ${c.items} decided`} />
            <p className="text-ui tabular-nums" data-testid="campaign-progress">
              <span className="font-medium">{c.decided}</span> of {c.items} decided{pending ? `, ${pending} pending` : ""}
            </p>
            {c.status === "closed" ? (
              <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-ui" data-testid="campaign-outcomes">
                <dt className="text-muted-foreground">Kept</dt>
                <dd className="tabular-nums">{outcomes.kept}</dd>
                <dt className="text-muted-foreground">Requests opened</dt>
                <dd className="tabular-nums">
                  <Link href="/workflows?view=all" className="text-primary hover:underline">
                    {outcomes.requested}
                  </Link>
                </dd>
                <dt className="text-muted-foreground">Not requested</dt>
                <dd className="tabular-nums">{outcomes.notRequested}</dd>
                <dt className="text-muted-foreground">Not reviewed</dt>
                <dd className="tabular-nums">{outcomes.notReviewed}</dd>
              </dl>
            ) : c.lastRemindedAt ? (
              <p className="text-xs text-muted-foreground">Last reminder {formatUtc(c.lastRemindedAt)}</p>
            ) : null}
            {c.orphanReviewer ? <p className="text-xs text-muted-foreground">Orphaned credentials go to {c.orphanReviewer}.</p> : null}
          </CardContent>
        </Card>
        <div className="lg:col-span-2">
          <Table label="Progress per reviewer" data-testid="reviewer-progress">
            <THead>
              <tr>
                <TH>Reviewer</TH>
                <TH className="min-w-40">Decided</TH>
                <TH>Pending</TH>
              </tr>
            </THead>
            <TBody>
              {reviewers.map((r) => (
                <TR key={r.key} data-testid="reviewer-row">
                  <TD>
                    {r.label}
                    {r.kind === "team" ? <span className="text-xs text-muted-foreground"> (team)</span> : null}
                  </TD>
                  <TD>
                    <ProgressBar label={`${r.label}: decided`} done={r.decided} total={r.total} valueText={`${r.decided} of ${r.total}`} />
                    <div className="mt-1 text-xs text-muted-foreground tabular-nums">
                      {r.decided} of {r.total}
                    </div>
                  </TD>
                  <TD className="tabular-nums">
                    {r.total - r.decided}
                    {r.overdue ? <span className="text-xs text-danger"> ({r.overdue} overdue)</span> : null}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      </div>

      <div className="mb-3">
        <ViewTabs label="Item views" tabs={(Object.keys(VIEW_LABELS) as TReviewItemView[]).map((v) => ({ href: href(v), label: VIEW_LABELS[v], count: v === "mine" ? c.myPending : undefined, active: detail.view === v }))} />
      </div>
      {items.length ? (
        <ReviewItems items={items} label={`${VIEW_LABELS[detail.view]} of ${c.name}`} />
      ) : (
        <p className="rounded-lg border border-border bg-surface p-6 text-center text-ui text-muted-foreground" data-testid="review-items-empty">
          {detail.view === "mine" ? "No item of this campaign is assigned to you or your team." : "No item here."}
        </p>
      )}
      {detail.pages > 1 ? (
        <nav aria-label="Item pages" className="mt-3 flex items-center justify-end gap-3 text-ui">
          <span className="text-muted-foreground">
            Page {detail.page} of {detail.pages} ({detail.viewTotal} items)
          </span>
          {detail.page > 1 ? <Link href={href(detail.view, detail.page - 1)} className="text-primary hover:underline">Previous</Link> : null}
          {detail.page < detail.pages ? <Link href={href(detail.view, detail.page + 1)} className="text-primary hover:underline">Next</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
