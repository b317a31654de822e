"use client";

import { LoaderCircle, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { percentOf, ProgressBar } from "@/components/ui/progress-bar";
import { useServerAction } from "@/lib/client/use-server-action";
import { syncProviderAction } from "@/lib/providers/actions";
import { providerKeys } from "@/lib/providers/hooks/query-keys";
import { SYNC_ACTIVE, useProviderSync } from "@/lib/providers/hooks/use-provider-sync";
import type { TProviderSyncStatus } from "@/lib/providers/queries";

const n = (value: number) => value.toLocaleString("en");

/**
 * A provider's sync: "Sync now" (admins), live progress while the job runs (items seen of the
 * total, when the provider tells it), and the page re-rendered when it ends so counts and history
 * show the new truth.
 */
export function SyncPanel({ providerId, initial, canSync, cannotSyncReason }: { providerId: string; initial: TProviderSyncStatus; canSync: boolean; cannotSyncReason: string | null }) {
  const router = useRouter();
  const status = useProviderSync(providerId, initial);
  const { pending, error, run } = useServerAction(syncProviderAction, { invalidate: [providerKeys.sync(providerId)] });
  const previous = useRef(status.state);
  useEffect(() => {
    if (SYNC_ACTIVE.has(previous.current) && !SYNC_ACTIVE.has(status.state)) router.refresh();
    previous.current = status.state;
  }, [status.state, router]);

  const active = SYNC_ACTIVE.has(status.state);
  const percent = percentOf(status.done, status.total);
  return (
    <div className="flex flex-col gap-3" data-testid="provider-sync" data-state={status.state}>
      {active ? (
        <div className="flex flex-col gap-1.5">
          <div className="flex items-center justify-between gap-2 text-ui">
            <span className="flex items-center gap-1.5 font-medium">
              <LoaderCircle aria-hidden className="size-3.5 animate-spin text-primary" />
              {status.state === "queued" ? "Sync queued" : "Syncing"}
            </span>
            <span className="tabular-nums text-muted-foreground">{percent !== null ? `${percent}%` : ""}</span>
          </div>
          <ProgressBar
            label="Sync progress"
            done={status.done}
            total={status.state === "queued" ? null : status.total}
            valueText={status.state === "queued" ? "Waiting for a worker" : status.total ? `${n(status.done)} of ${n(status.total)} items` : `${n(status.done)} items so far`}
          />
          <p className="text-xs text-muted-foreground" data-testid="provider-sync-note">
            {status.state === "queued" ? "Waiting for a worker to pick it up." : `${n(status.done)}${status.total ? ` / ${n(status.total)}` : ""} seen${status.note ? ` · ${status.note}` : ""}`}
          </p>
        </div>
      ) : null}
      {status.state === "failed" && status.lastError ? (
        <Alert tone="danger" title="The last sync job failed">
          {status.lastError}
        </Alert>
      ) : null}
      {canSync ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" variant="secondary" disabled={pending || active || cannotSyncReason !== null} onClick={() => run({ id: providerId })} data-testid="provider-sync-now">
            <RefreshCw aria-hidden />
            {active ? "Syncing…" : "Sync now"}
          </Button>
          {cannotSyncReason ? <span className="text-xs text-muted-foreground">{cannotSyncReason}</span> : null}
          <InlineError message={error?.message} testId="provider-sync-error" />
        </div>
      ) : null}
    </div>
  );
}
