"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Download, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { LevelDistribution } from "@/components/risk/level-distribution";
import { RECOMPUTE_QUERY_KEY } from "@/components/risk/policy/api";
import { ChangesPanel } from "@/components/risk/policy/changes-panel";
import { FactorsSection } from "@/components/risk/policy/factor-settings";
import { AutoApprovalSection, LevelsSection, ScopeSection, SensitivitySection } from "@/components/risk/policy/general-sections";
import { JsonSection } from "@/components/risk/policy/json-section";
import { RecomputePanel } from "@/components/risk/policy/recompute-panel";
import { usePolicyDraft } from "@/components/risk/policy/use-policy-draft";
import { VersionHistory } from "@/components/risk/policy/version-history";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { parsePolicyFile } from "@/lib/risk/policy/validate";
import type { TPolicyPageData } from "@/lib/risk/queries";

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/**
 * The policy page: form sections on the left; on the right the active version, the live
 * distribution and recompute progress, and the draft's changes with preview and save.
 * Keyed by the active version by its parent, so a save (or someone else's) starts a fresh draft.
 */
export function PolicyEditor({ data, canManage, canRecompute }: { data: TPolicyPageData; canManage: boolean; canRecompute: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const draft = usePolicyDraft(data.active.policy);
  const fileInput = useRef<HTMLInputElement>(null);
  const [importErrors, setImportErrors] = useState<{ file: string; errors: string[] } | null>(null);
  const readOnly = !canManage;
  const onSaved = () => {
    void queryClient.invalidateQueries({ queryKey: RECOMPUTE_QUERY_KEY });
    router.refresh();
  };
  const latest = data.versions[0];
  // The mobile "jump to changes" bar hides while the changes panel itself is on screen.
  const [changesVisible, setChangesVisible] = useState(false);
  useEffect(() => {
    const target = document.getElementById("policy-changes");
    if (!target || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => setChangesVisible(entry?.isIntersecting ?? false));
    observer.observe(target);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="flex flex-col gap-6">
      {/* Narrow screens read status, form, then changes; wide screens keep the changes beside the form, sticky. */}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:grid-rows-[auto_1fr]">
        <aside className="lg:col-start-2 lg:row-start-1" aria-label="Active policy">
          <Card>
            <CardHeader>
              <CardTitle>
                Active policy <span data-testid="policy-active-version">v{data.active.version}</span>
              </CardTitle>
              <CardDescription>
                {data.active.version === 0
                  ? "The built-in default: no version has been saved yet."
                  : `Saved ${data.active.createdAt ? utc(data.active.createdAt) : ""}${latest?.createdBy ? ` by ${latest.createdBy}` : ""}${data.active.comment ? ` — “${data.active.comment}”` : ""}`}
              </CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <div>
                <p className="mb-1.5 text-xs font-medium text-muted-foreground">Credentials by level now</p>
                <LevelDistribution counts={data.distribution} label="Credentials by risk level" testId="level-distribution" />
              </div>
              <RecomputePanel initial={data.recompute} canStart={canRecompute} />
              <div className="flex flex-wrap gap-2 border-t border-border pt-3">
                <Button size="sm" variant="secondary" asChild>
                  <a href="/api/v1/risk/policy/export" download data-testid="policy-export">
                    <Download aria-hidden />
                    Export
                  </a>
                </Button>
                {canManage ? (
                  <>
                    <Button size="sm" variant="secondary" onClick={() => fileInput.current?.click()} data-testid="policy-import">
                      <Upload aria-hidden />
                      Import…
                    </Button>
                    <input
                      ref={fileInput}
                      type="file"
                      accept="application/json,.json"
                      className="sr-only"
                      tabIndex={-1}
                      aria-label="Policy file to import"
                      data-testid="policy-import-file"
                      onChange={async (event) => {
                        const file = event.target.files?.[0];
                        event.target.value = "";
                        if (!file) return;
                        const content = await file.text();
                        const parsed = parsePolicyFile(content);
                        if (!parsed.ok) {
                          setImportErrors({ file: file.name, errors: parsed.errors });
                          return;
                        }
                        setImportErrors(null);
                        draft.load(parsed.policy, { kind: "import", fileName: file.name, content });
                      }}
                    />
                  </>
                ) : null}
              </div>
              {importErrors ? (
                <Alert tone="danger" title={`${importErrors.file} is not a valid risk policy`} data-testid="policy-import-errors">
                  <ul className="list-disc pl-4">{importErrors.errors.slice(0, 6).map((e) => <li key={e}>{e}</li>)}</ul>
                </Alert>
              ) : null}
            </CardContent>
          </Card>
        </aside>
        {canManage ? (
          <div className="lg:sticky lg:top-20 lg:col-start-2 lg:row-start-2 lg:max-h-[calc(100dvh-6rem)] lg:overflow-y-auto">
            <ChangesPanel draft={draft} activeVersion={data.active.version} onSaved={onSaved} />
          </div>
        ) : null}
        <div className="flex min-w-0 flex-col gap-4 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          {readOnly ? (
            <Alert tone="info" title="Read-only">
              Only admins change the risk policy. You can read every setting, see past versions and export them.
            </Alert>
          ) : null}
          <LevelsSection draft={draft} readOnly={readOnly} />
          <SensitivitySection draft={draft} readOnly={readOnly} />
          <ScopeSection draft={draft} readOnly={readOnly} />
          <FactorsSection draft={draft} readOnly={readOnly} />
          <AutoApprovalSection draft={draft} readOnly={readOnly} />
          <JsonSection draft={draft} readOnly={readOnly} />
        </div>
      </div>
      {canManage && draft.changes.length > 0 && !changesVisible ? (
        <div className="sticky bottom-3 z-10 flex justify-center lg:hidden">
          <a href="#policy-changes" className="rounded-full border border-border bg-surface px-4 py-2 text-ui font-medium shadow-lg" data-testid="policy-changes-jump">
            {draft.changes.length} unsaved change{draft.changes.length === 1 ? "" : "s"} · Preview and save ↓
          </a>
        </div>
      ) : null}
      <VersionHistory versions={data.versions} active={data.active} canRestore={canManage} onSaved={onSaved} />
    </div>
  );
}
