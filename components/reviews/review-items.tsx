"use client";

import { Check, RefreshCw, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { EvidenceText } from "@/components/risk/evidence-text";
import { RiskLevelBadge } from "@/components/risk/risk-level-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogActions } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/inline-error";
import { controlClassName } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useServerAction } from "@/lib/client/use-server-action";
import { attestItemsAction } from "@/lib/reviews/actions";
import type { TReviewItemRow } from "@/lib/reviews/queries";
import type { TReviewDecision } from "@/lib/reviews/schemas";

const DECISIONS: Record<TReviewDecision, { label: string; verb: string; icon: typeof Check; tone: "success" | "warning" | "danger"; explain: string }> = {
  keep: { label: "Keep", verb: "Keep", icon: Check, tone: "success", explain: "Still needed as it is." },
  rotate: { label: "Rotate", verb: "Rotate", icon: RefreshCw, tone: "warning", explain: "Still needed, with a new secret: a rotation is requested when the campaign closes." },
  revoke: { label: "Revoke", verb: "Revoke", icon: Trash2, tone: "danger", explain: "No longer needed: a revocation is requested when the campaign closes." },
};

const OUTCOMES: Record<string, string> = { kept: "Kept", requested: "Requested", not_requested: "Not requested", not_reviewed: "Not reviewed" };

/** The items of a campaign with each credential's risk evidence; the reviewer's own rows can be attested one by one or selected in bulk. */
export function ReviewItems({ items, label }: { items: TReviewItemRow[]; label: string }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<{ ids: string[]; decision: TReviewDecision } | null>(null);
  const attestable = items.filter((i) => i.canAttest);
  const allSelected = attestable.length > 0 && attestable.every((i) => selected.has(i.id));
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));

  return (
    <div className="flex flex-col gap-3">
      {attestable.length > 0 ? (
        <div className="flex min-h-8 flex-wrap items-center gap-2" data-testid="review-bulk-bar">
          <span className="text-ui text-muted-foreground" aria-live="polite">
            {selected.size ? `${selected.size} selected` : `${attestable.length} item${attestable.length === 1 ? "" : "s"} here ${attestable.length === 1 ? "is" : "are"} yours to attest`}
          </span>
          {selected.size
            ? (Object.keys(DECISIONS) as TReviewDecision[]).map((d) => {
                const Icon = DECISIONS[d].icon;
                return (
                  <Button key={d} size="sm" variant="secondary" onClick={() => setDialog({ ids: [...selected], decision: d })} data-testid={`review-bulk-${d}`}>
                    <Icon aria-hidden />
                    {DECISIONS[d].label} selected
                  </Button>
                );
              })
            : null}
        </div>
      ) : null}
      <Table label={label} data-testid="review-items">
        <THead>
          <tr>
            <TH className="w-8">
              {attestable.length ? (
                <input
                  type="checkbox"
                  aria-label="Select every item you can attest"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(attestable.map((i) => i.id)))}
                  data-testid="review-select-all"
                />
              ) : null}
            </TH>
            <TH>Credential</TH>
            <TH>Reviewer</TH>
            <TH className="min-w-72">Risk evidence</TH>
            <TH className="min-w-56">Decision</TH>
          </tr>
        </THead>
        <TBody>
          {items.map((item) => (
            <TR key={item.id} data-testid="review-item" data-name={item.name} data-decision={item.decision ?? "pending"}>
              <TD className="align-top">
                {item.canAttest ? <input type="checkbox" aria-label={`Select ${item.name}`} checked={selected.has(item.id)} onChange={() => toggle(item.id)} data-testid="review-item-select" /> : null}
              </TD>
              <TD className="min-w-48 align-top">
                {item.credentialExists ? (
                  <Link href={`/inventory/${item.credentialId}`} className="font-medium hover:underline">
                    {item.name}
                  </Link>
                ) : (
                  <span className="font-medium">{item.name}</span>
                )}
                <div className="text-xs text-muted-foreground">
                  {item.providerName} · {item.kind.replace(/_/g, " ")}
                  {item.credentialExists ? "" : " · deleted since"}
                </div>
              </TD>
              <TD className="align-top">
                <div className="whitespace-nowrap">{item.reviewer}</div>
                {item.assignment === "orphan" ? <Badge tone="warning">orphaned</Badge> : null}
              </TD>
              <TD className="align-top">
                <Evidence item={item} />
              </TD>
              <TD className="align-top">
                <DecisionCell item={item} onAttest={(decision) => setDialog({ ids: [item.id], decision })} />
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {dialog ? <AttestDialog key={`${dialog.decision}-${dialog.ids.join()}`} {...dialog} names={items.filter((i) => dialog.ids.includes(i.id)).map((i) => i.name)} onClose={(done) => (setDialog(null), done ? setSelected(new Set()) : null)} /> : null}
    </div>
  );
}

function Evidence({ item }: { item: TReviewItemRow }) {
  const risk = item.risk;
  if (!risk) return <span className="text-xs text-muted-foreground">Not scored (at launch: {item.launchRisk.level})</span>;
  const [first, ...rest] = risk.factors;
  return (
    <div className="flex flex-col gap-1" data-testid="review-item-evidence">
      <div className="flex flex-wrap items-center gap-1.5">
        <RiskLevelBadge level={risk.level} score={risk.score} />
        {item.launchRisk.level !== risk.level ? <span className="text-xs text-muted-foreground">at launch: {item.launchRisk.level}</span> : null}
      </div>
      {first ? (
        <p className="text-xs text-foreground">
          <span className="font-medium">{first.title}:</span> <EvidenceText text={first.evidence} />
        </p>
      ) : (
        <p className="text-xs text-muted-foreground">No risk factor applies.</p>
      )}
      {rest.length ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-muted-foreground hover:text-foreground">
            {rest.length} more factor{rest.length === 1 ? "" : "s"}
          </summary>
          <ul className="mt-1 flex flex-col gap-1">
            {rest.map((f) => (
              <li key={f.id}>
                <span className="font-medium">{f.title}:</span> <EvidenceText text={f.evidence} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function DecisionCell({ item, onAttest }: { item: TReviewItemRow; onAttest: (d: TReviewDecision) => void }) {
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-center gap-1.5">
        {item.decision ? <Badge tone={DECISIONS[item.decision].tone} data-testid="review-item-decision">{DECISIONS[item.decision].label}</Badge> : item.outcome ? null : <Badge>Pending</Badge>}
        {item.overdue ? <Badge tone="danger">{item.decision ? "late" : "overdue"}</Badge> : null}
        {item.outcome ? (
          item.workflowId ? (
            <Link href={`/workflows/${item.workflowId}`} className="text-xs font-medium text-primary hover:underline" data-testid="review-item-workflow">
              {OUTCOMES[item.outcome] ?? item.outcome} →
            </Link>
          ) : (
            <span className="text-xs text-muted-foreground" title={item.outcomeDetail ?? undefined}>
              {OUTCOMES[item.outcome] ?? item.outcome}
            </span>
          )
        ) : null}
      </div>
      {item.comment ? <p className="line-clamp-2 max-w-64 text-xs text-muted-foreground" title={`${item.comment} — ${item.decidedBy ?? ""}`}>“{item.comment}”</p> : null}
      {item.outcomeDetail ? <p className="max-w-64 text-xs text-danger">{item.outcomeDetail}</p> : null}
      {item.canAttest ? (
        <div className="flex flex-wrap gap-1">
          {(Object.keys(DECISIONS) as TReviewDecision[]).map((d) => (
            <Button key={d} size="sm" variant={item.decision === d ? "secondary" : "ghost"} onClick={() => onAttest(d)} data-testid={`review-item-${d}`} aria-label={`${DECISIONS[d].verb} ${item.name}`}>
              {DECISIONS[d].label}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function AttestDialog({ ids, decision, names, onClose }: { ids: string[]; decision: TReviewDecision; names: string[]; onClose: (done: boolean) => void }) {
  const [comment, setComment] = useState("");
  const { run, pending, error } = useServerAction(attestItemsAction);
  const spec = DECISIONS[decision];
  const what = ids.length === 1 ? `“${names[0]}”` : `${ids.length} credentials`;
  return (
    <Dialog open onOpenChange={(o) => (o ? null : onClose(false))}>
      <DialogContent>
        <DialogTitle>
          {spec.verb} {what}?
        </DialogTitle>
        <DialogDescription>{spec.explain}</DialogDescription>
        <div className="mt-4 flex flex-col gap-1.5">
          <Label htmlFor="attest-comment">Comment</Label>
          <textarea id="attest-comment" rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} className={cn(controlClassName, "h-auto py-2")} placeholder="Why: who uses it, what for" data-testid="attest-comment" />
        </div>
        <DialogActions className="mt-5" label={spec.verb} pendingLabel="Saving…" pending={pending} variant={decision === "revoke" ? "danger" : "primary"} onClick={() => run({ itemIds: ids, decision, comment }, () => onClose(true))} testId="attest-confirm" />
        <InlineError message={error?.message} className="mt-3" testId="attest-error" />
      </DialogContent>
    </Dialog>
  );
}
