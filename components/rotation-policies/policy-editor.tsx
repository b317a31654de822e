"use client";

import { Eye, Play, Plus, Save } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { apiPost } from "@/lib/client/api";
import { useServerAction } from "@/lib/client/use-server-action";
import { runRotationPoliciesAction, saveRotationPolicyAction } from "@/lib/rotation-policies/actions";
import { canonicalPolicy, ZRotationPolicy, type TRotationPolicy, type TRotationRule } from "@/lib/rotation-policies/schema";
import { RuleEditor, type TProviderOption } from "./rule-editor";

type TPreview = {
  requests: number;
  autoApproved: number;
  open: number;
  backingOff: number;
  blockedCount: number;
  perRule: { id: string; name: string; requests: number; autoApproved: number; replacement: number; blocked: number }[];
  samples: { id: string; name: string; provider: string; rule: string; why: string; autoApprove: boolean; path: string }[];
  blocked: { reason: string; count: number; samples: { id: string; name: string }[] }[];
};

function slug(name: string, taken: Set<string>): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 32) || "rule";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

const newRule = (taken: Set<string>): TRotationRule => ({
  id: slug(`rule ${taken.size + 1}`, taken), name: `Rule ${taken.size + 1}`, enabled: true, scope: { providerIds: [], kinds: [], levels: [] }, rotateEveryDays: 90, maxTtlDays: null, autoApprove: null,
});

/**
 * The rotation policy editor (admins; others see it read-only). Checked as you type with the
 * server's own schema; saving needs a dry run of exactly this draft first ("this would request N
 * rotations now"), so nobody saves a rule without seeing what it does.
 */
export function RotationPolicyEditor({ initial, version, providers, readOnly, ceiling }: { initial: TRotationPolicy; version: number; providers: TProviderOption[]; readOnly: boolean; ceiling: { enabled: boolean; maxLevel: string } }) {
  const [draft, setDraft] = useState<TRotationPolicy>(initial);
  const [leadText, setLeadText] = useState(initial.reminders.leadDays.join(", "));
  const [comment, setComment] = useState("");
  const [preview, setPreview] = useState<{ key: string; data: TPreview } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const save = useServerAction(saveRotationPolicyAction, { onSuccess: () => { setPreview(null); setComment(""); } });
  const runNow = useServerAction(runRotationPoliciesAction, { refresh: true });

  const document = useMemo<TRotationPolicy>(() => {
    const leadDays = leadText.split(/[\s,]+/).filter(Boolean).map(Number);
    return { ...draft, reminders: { leadDays } };
  }, [draft, leadText]);
  const parsed = ZRotationPolicy.safeParse(document);
  const errors: Record<string, string[]> = {};
  if (!parsed.success) for (const i of parsed.error.issues) (errors[i.path.join(".")] ??= []).push(i.message);
  for (const [k, v] of Object.entries(save.error?.fieldErrors ?? {})) errors[k.replace(/^document\./, "")] = v;
  const key = canonicalPolicy(document);
  const dirty = key !== canonicalPolicy(initial);
  const previewed = preview?.key === key;

  const setRule = (i: number, rule: TRotationRule) => setDraft((d) => ({ ...d, rules: d.rules.map((r, j) => (j === i ? rule : r)) }));
  const rename = (i: number, rule: TRotationRule) => {
    const was = draft.rules[i]!;
    // A rule added here takes its id from its name until saved; a saved rule keeps its id (the audit trail names it).
    const isNew = !initial.rules.some((r) => r.id === was.id);
    const taken = new Set(draft.rules.filter((_, j) => j !== i).map((r) => r.id));
    setRule(i, isNew && rule.name !== was.name ? { ...rule, id: slug(rule.name, taken) } : rule);
  };

  async function runPreview() {
    setPreviewing(true);
    setPreviewError(null);
    try {
      setPreview({ key, data: await apiPost<TPreview>("/api/v1/rotation-policies/preview", { document }) });
    } catch (e) {
      setPreviewError(e instanceof Error ? e.message : String(e));
    } finally {
      setPreviewing(false);
    }
  }

  return (
    <form className="flex flex-col gap-6" noValidate onSubmit={(e) => e.preventDefault()} data-testid="rotation-policy-editor">
      <section className="flex flex-col gap-3">
        <div>
          <h2 className="text-sm font-semibold">Rules</h2>
          <p className="text-ui text-muted-foreground">In order: the first enabled rule whose scope fits a credential decides. Only active credentials are asked for; one with a workflow open is left alone.</p>
        </div>
        {draft.rules.length ? (
          <ol className="flex flex-col gap-3">
            {draft.rules.map((r, i) => (
              <RuleEditor key={i} ceiling={ceiling} rule={r} index={i} providers={providers} errors={errors} readOnly={readOnly} onChange={(next) => rename(i, next)} onRemove={() => setDraft((d) => ({ ...d, rules: d.rules.filter((_, j) => j !== i) }))} />
            ))}
          </ol>
        ) : (
          <p className="rounded-lg border border-dashed border-border p-4 text-ui text-muted-foreground" data-testid="rules-empty">
            No rules: Tokenward opens no rotation request by itself.
          </p>
        )}
        {readOnly ? null : (
          <div>
            <Button type="button" onClick={() => setDraft((d) => ({ ...d, rules: [...d.rules, newRule(new Set(d.rules.map((r) => r.id)))] }))} data-testid="rule-add">
              <Plus aria-hidden />
              Add rule
            </Button>
          </div>
        )}
      </section>

      <section className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="lead-days">Expiry reminders (days before)</Label>
          <Input id="lead-days" value={leadText} placeholder="e.g. 30, 7, 1 (none: no reminders)" readOnly={readOnly} onChange={(e) => setLeadText(e.target.value)} aria-invalid={Object.keys(errors).some((k) => k.startsWith("reminders")) ? true : undefined} data-testid="lead-days" />
          <FieldHint>The owner and team are notified once at each (in the app, and by e-mail when SMTP is set up). Empty: no reminders.</FieldHint>
          <FieldError id="lead-days-error" messages={Object.entries(errors).filter(([k]) => k.startsWith("reminders")).flatMap(([, v]) => v)} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="backoff">Back-off after a rejected or expired request (days)</Label>
          <Input id="backoff" type="number" min={1} max={365} value={draft.backoffDays} readOnly={readOnly} onChange={(e) => setDraft((d) => ({ ...d, backoffDays: Number(e.target.value) }))} aria-invalid={errors.backoffDays ? true : undefined} data-testid="backoff" />
          <FieldHint>Doubled for each further one in a row, so a &ldquo;no&rdquo; is not asked again every hour.</FieldHint>
          <FieldError id="backoff-error" messages={errors.backoffDays} />
        </div>
      </section>

      {readOnly ? null : (
        <section className="flex flex-col gap-3 border-t border-border pt-4">
          <div className="flex flex-wrap items-end gap-3">
            <Button type="button" onClick={runPreview} disabled={!parsed.success || previewing} data-testid="rotation-preview">
              <Eye aria-hidden />
              {previewing ? "Checking…" : "Preview"}
            </Button>
            <div className="flex min-w-56 flex-1 flex-col gap-1.5">
              <Label htmlFor="rotation-comment">Comment (optional)</Label>
              <Input id="rotation-comment" value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Why this change" data-testid="rotation-comment" />
            </div>
            <Button
              type="button"
              variant="primary"
              disabled={!dirty || !previewed || !parsed.success || save.pending}
              onClick={() => parsed.success && save.run({ document: parsed.data, baseVersion: version, comment: comment.trim() || undefined })}
              data-testid="rotation-save"
            >
              <Save aria-hidden />
              {save.pending ? "Saving…" : `Save as v${version + 1}`}
            </Button>
          </div>
          {!parsed.success ? <FieldHint>Fix the fields marked above to preview.</FieldHint> : dirty && !previewed ? <FieldHint>Preview this draft before saving it.</FieldHint> : null}
          <InlineError message={previewError ?? (save.error ? save.error.message : null)} />
          {preview && previewed ? <PreviewPanel data={preview.data} /> : null}
        </section>
      )}

      {readOnly ? null : (
        <section className="flex flex-wrap items-center gap-3 border-t border-border pt-4">
          <Button type="button" disabled={runNow.pending || dirty} onClick={() => runNow.run({}, () => setQueued(true))} data-testid="rotation-run">
            <Play aria-hidden />
            Run now
          </Button>
          <span className="text-ui text-muted-foreground" data-testid="rotation-run-state">
            {dirty ? "Save first: the run applies the policy in force." : queued ? "Queued: the worker runs it within seconds." : "Runs every hour on its own."}
          </span>
          <InlineError message={runNow.error?.message ?? null} />
        </section>
      )}
    </form>
  );
}

function PreviewPanel({ data }: { data: TPreview }) {
  return (
    <div className="flex flex-col gap-3" data-testid="rotation-preview-result">
      <Alert tone={data.requests ? "warning" : "info"} title={<span data-testid="rotation-preview-summary">{`This policy would request ${data.requests.toLocaleString("en")} rotation${data.requests === 1 ? "" : "s"} now`}</span>}>
        {data.autoApproved ? `${data.autoApproved.toLocaleString("en")} approved automatically, the rest by their owners. ` : "Each waits for its owner's approval. "}
        {data.open ? `${data.open.toLocaleString("en")} already have a workflow open. ` : ""}
        {data.backingOff ? `${data.backingOff.toLocaleString("en")} are backing off after a rejected or expired request. ` : ""}
        {data.blockedCount ? `${data.blockedCount.toLocaleString("en")} cannot be rotated automatically (below).` : ""}
      </Alert>
      {data.perRule.length ? (
        <ul className="flex flex-col gap-1 text-ui" aria-label="Per rule">
          {data.perRule.map((r) => (
            <li key={r.id} data-testid={`rotation-preview-rule-${r.id}`}>
              <span className="font-medium">{r.name}</span>: {r.requests} request{r.requests === 1 ? "" : "s"}
              {r.autoApproved ? `, ${r.autoApproved} auto-approved` : ""}
              {r.replacement ? `, ${r.replacement} where the owner creates the replacement` : ""}
              {r.blocked ? `, ${r.blocked} cannot auto-rotate` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {data.samples.length ? (
        <ul className="flex flex-col divide-y divide-border rounded-lg border border-border text-ui" aria-label="Would be requested">
          {data.samples.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
              <Link href={`/inventory/${s.id}`} className="font-medium underline-offset-4 hover:underline">{s.name}</Link>
              <span className="text-muted-foreground">{s.provider}</span>
              <span className="text-muted-foreground">— {s.why}</span>
              {s.autoApprove ? <Badge tone="primary">auto-approved</Badge> : null}
              {s.path === "replacement" ? <Badge tone="neutral">owner creates replacement</Badge> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {data.blocked.length ? (
        <div className="flex flex-col gap-1">
          <h3 className="text-ui font-medium">Cannot auto-rotate</h3>
          <ul className="flex flex-col gap-1 text-ui text-muted-foreground" data-testid="rotation-preview-blocked">
            {data.blocked.map((b) => (
              <li key={b.reason}>
                <span className="font-medium text-foreground tabular-nums">{b.count.toLocaleString("en")}</span>: {b.reason}{" "}
                <span className="text-xs">
                  (e.g.{" "}
                  {b.samples.map((c, i) => (
                    <span key={c.id}>
                      {i ? ", " : ""}
                      <Link href={`/inventory/${c.id}`} className="underline-offset-4 hover:underline">{c.name}</Link>
                    </span>
                  ))}
                  )
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
