"use client";

import { Download, History, RotateCcw } from "lucide-react";
import { useState } from "react";
import { InlineError } from "@/components/ui/inline-error";
import { apiGet } from "@/lib/client/api";
import { useServerAction } from "@/lib/client/use-server-action";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { restorePolicy } from "@/lib/risk/actions";
import { diffPolicies } from "@/lib/risk/policy/diff";
import type { TRiskPolicy } from "@/lib/risk/policy/schema";
import type { TPolicyVersionRow } from "@/lib/risk/queries";

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;
const show = (v: unknown) => (Array.isArray(v) ? v.join(", ") || "(none)" : String(v));

type TViewed = { version: number; policy: TRiskPolicy } | null;

/** Every saved version: view it (with its difference to the active one), export it, or restore it as a new version. */
export function VersionHistory({
  versions,
  active,
  canRestore,
  onSaved,
}: {
  versions: TPolicyVersionRow[];
  active: { version: number; policy: TRiskPolicy };
  canRestore: boolean;
  onSaved: () => void;
}) {
  const [viewed, setViewed] = useState<TViewed>(null);
  const [loading, setLoading] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { pending, error, run } = useServerAction(restorePolicy);
  const rows = [...versions, { version: 0, comment: "Built-in default", createdAt: "", createdBy: null }];

  const open = async (version: number) => {
    setLoading(version);
    setLoadError(null);
    try {
      const file = await apiGet<{ policy: TRiskPolicy }>(`/api/v1/risk/policy/export?version=${version}`);
      setViewed({ version, policy: file.policy });
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : "The version could not be loaded.");
    } finally {
      setLoading(null);
    }
  };
  const changes = viewed ? diffPolicies(active.policy, viewed.policy) : [];

  return (
    <Card aria-labelledby="policy-history-title" data-testid="policy-history">
      <CardHeader>
        <CardTitle id="policy-history-title">Version history</CardTitle>
        <CardDescription>Every saved version is kept. Restoring writes the old document again as a new version, so history only grows.</CardDescription>
      </CardHeader>
      <div className="flex flex-col gap-2 p-3 sm:p-4">
        <InlineError message={loadError ?? error?.message} />
        <Table label="Policy versions, newest first">
          <THead>
            <tr>
              <TH>Version</TH>
              <TH>Saved</TH>
              <TH>By</TH>
              <TH>Comment</TH>
              <TH className="text-right">Actions</TH>
            </tr>
          </THead>
          <TBody>
            {rows.map((v) => (
              <TR key={v.version} data-testid={`policy-version-${v.version}`}>
                <TD className="whitespace-nowrap font-medium tabular-nums">
                  v{v.version}
                  {v.version === active.version ? <span className="ml-1.5 text-xs font-normal text-success">active</span> : null}
                </TD>
                <TD className="whitespace-nowrap tabular-nums text-muted-foreground">{v.createdAt ? utc(v.createdAt) : "—"}</TD>
                <TD className="max-w-48 truncate">{v.createdBy ?? (v.version === 0 ? "Tokenward" : "—")}</TD>
                <TD className="min-w-48 text-muted-foreground">{v.comment ?? "—"}</TD>
                <TD className="whitespace-nowrap text-right">
                  <span className="inline-flex gap-1">
                    <Button size="sm" variant="ghost" disabled={loading !== null} onClick={() => open(v.version)} data-testid={`policy-view-${v.version}`}>
                      <History aria-hidden />
                      View
                    </Button>
                    <Button size="sm" variant="ghost" asChild>
                      <a href={`/api/v1/risk/policy/export?version=${v.version}`} download aria-label={`Export v${v.version}`}>
                        <Download aria-hidden />
                        <span className="hidden sm:inline">Export</span>
                      </a>
                    </Button>
                  </span>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
      <Dialog open={viewed !== null} onOpenChange={(o) => !o && setViewed(null)}>
        <DialogContent className="max-w-2xl">
          <DialogTitle>Policy v{viewed?.version}</DialogTitle>
          <DialogDescription>
            {viewed?.version === active.version ? "This is the active version." : `${changes.length} setting${changes.length === 1 ? " differs" : "s differ"} from the active v${active.version}.`}
          </DialogDescription>
          {changes.length > 0 ? (
            <ul className="mt-3 flex max-h-40 flex-col gap-1 overflow-y-auto text-ui" data-testid="policy-version-diff">
              {changes.map((c) => (
                <li key={c.path}>
                  <span className="font-mono text-xs text-muted-foreground">{c.path}</span>{" "}
                  <span className="[overflow-wrap:anywhere]">active {show(c.before)} · this version {show(c.after)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <pre className="mt-3 max-h-72 overflow-auto rounded-md bg-surface-sunken p-3 text-xs ring-1 ring-border">{viewed ? JSON.stringify(viewed.policy, null, 2) : ""}</pre>
          <div className="mt-4 flex flex-wrap justify-end gap-2">
            <DialogClose asChild>
              <Button variant="ghost">Close</Button>
            </DialogClose>
            {canRestore && viewed && viewed.version !== active.version ? (
              <Button
                variant="primary"
                disabled={pending || changes.length === 0}
                onClick={() => run({ version: viewed.version, baseVersion: active.version }, () => { setViewed(null); onSaved(); })}
                data-testid="policy-restore"
              >
                <RotateCcw aria-hidden />
                {pending ? "Restoring…" : `Restore as v${active.version + 1}`}
              </Button>
            ) : null}
          </div>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
