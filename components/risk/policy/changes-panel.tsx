"use client";

import { Eye, LoaderCircle, Save, Undo2 } from "lucide-react";
import { useState } from "react";
import { usePolicyPreview } from "@/components/risk/policy/api";
import { ApiError } from "@/lib/client/api";
import { ImpactPanel } from "@/components/risk/policy/impact-panel";
import type { TPolicyDraft } from "@/components/risk/policy/use-policy-draft";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { importPolicy, savePolicy } from "@/lib/risk/actions";

function show(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(", ") : "(none)";
  return value === null || value === undefined ? "—" : String(value);
}

/**
 * The draft's changes, the impact preview, and save. Saving needs a preview of exactly the draft
 * being saved: change anything after previewing and the preview has to be run again.
 */
export function ChangesPanel({ draft, activeVersion, onSaved }: { draft: TPolicyDraft; activeVersion: number; onSaved: () => void }) {
  const [comment, setComment] = useState("");
  const preview = usePolicyPreview();
  const previewCurrent = preview.isSuccess && preview.key === draft.key;
  const afterSave = () => {
    setComment("");
    preview.reset();
    onSaved();
  };
  const saver = useServerAction(savePolicy, { onSuccess: afterSave });
  const importer = useServerAction(importPolicy, { onSuccess: afterSave });
  const pending = saver.pending || importer.pending;
  const error = saver.error ?? importer.error;
  const dirty = draft.changes.length > 0;
  const invalid = !draft.validation.ok;

  const save = () => {
    if (!draft.validation.ok) return;
    const document = draft.validation.policy;
    if (draft.origin.kind === "import") {
      importer.run({ content: draft.origin.content, fileName: draft.origin.fileName, baseVersion: activeVersion, comment: comment || undefined });
    } else {
      saver.run({ document, baseVersion: activeVersion, comment: comment || undefined });
    }
  };

  return (
    <Card id="policy-changes" aria-labelledby="policy-changes-title" data-testid="policy-changes">
      <CardHeader>
        <CardTitle id="policy-changes-title">Your changes</CardTitle>
        <CardDescription>
          {dirty ? `${draft.changes.length} setting${draft.changes.length === 1 ? " differs" : "s differ"} from v${activeVersion}.` : `No changes to v${activeVersion}.`}
          {draft.origin.kind === "import" ? ` Loaded from ${draft.origin.fileName}.` : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className={dirty || invalid || preview.isError || error ? "flex flex-col gap-4" : "hidden"}>
        {invalid ? (
          <Alert tone="danger" title="Fix these before previewing" data-testid="policy-errors">
            <ul className="list-disc pl-4">
              {!draft.validation.ok && draft.validation.errors.slice(0, 6).map((e) => <li key={e}>{e}</li>)}
            </ul>
          </Alert>
        ) : null}
        {dirty ? (
          <ul className="flex max-h-48 flex-col gap-1 overflow-y-auto text-ui" aria-label="Changed settings" data-testid="policy-diff">
            {draft.changes.map((c) => (
              <li key={c.path} className="flex flex-col">
                <span className="font-mono text-xs text-muted-foreground">{c.path}</span>
                <span className="[overflow-wrap:anywhere]">
                  <span className="text-muted-foreground line-through decoration-muted-foreground/50">{show(c.before)}</span>
                  <span aria-label="changed to" className="px-1 text-muted-foreground">→</span>
                  <span className="font-medium">{show(c.after)}</span>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {preview.isError ? <Alert tone="danger" title="The preview failed">{preview.error instanceof ApiError ? preview.error.message : "The server could not be reached."}</Alert> : null}
        {previewCurrent && preview.data ? <ImpactPanel impact={preview.data.impact} /> : null}
        {preview.isSuccess && !previewCurrent && dirty ? <p className="text-xs text-muted-foreground">The draft changed since the last preview: preview again before saving.</p> : null}
        {dirty ? (
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="policy-comment">Comment (recorded with the version)</Label>
            <Input id="policy-comment" maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Why this change" data-testid="policy-comment" />
          </div>
        ) : null}
        <InlineError message={error?.message} testId="policy-save-error" />
      </CardContent>
      <CardFooter className="flex-wrap">
        <Button
          variant="secondary"
          disabled={!dirty || invalid || preview.isPending || pending}
          onClick={() => draft.validation.ok && preview.run(draft.validation.policy)}
          data-testid="policy-preview"
        >
          {preview.isPending ? <LoaderCircle aria-hidden className="animate-spin" /> : <Eye aria-hidden />}
          {preview.isPending ? "Computing impact…" : "Preview impact"}
        </Button>
        <Button variant="primary" disabled={!dirty || invalid || !previewCurrent || pending} onClick={save} data-testid="policy-save">
          {pending ? <LoaderCircle aria-hidden className="animate-spin" /> : <Save aria-hidden />}
          {pending ? "Saving…" : `Save as v${activeVersion + 1}`}
        </Button>
        {dirty ? (
          <Button variant="ghost" disabled={pending} onClick={() => { preview.reset(); draft.reset(); }} data-testid="policy-discard">
            <Undo2 aria-hidden />
            Discard
          </Button>
        ) : null}
      </CardFooter>
    </Card>
  );
}
