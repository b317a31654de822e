"use client";

import { useQuery } from "@tanstack/react-query";
import { LoaderCircle, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { fetchRecomputeStatus, RECOMPUTE_QUERY_KEY } from "@/components/risk/policy/api";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { startRecompute } from "@/lib/risk/actions";
import type { TRecomputeStatus } from "@/lib/risk/recompute-status";

const ACTIVE = new Set(["queued", "running"]);
const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/**
 * The full recompute job: live progress while it runs (polled every second), its last result or
 * error otherwise. When a run finishes the page re-renders, so the level counts show the new truth.
 */
export function RecomputePanel({ initial, canStart }: { initial: TRecomputeStatus; canStart: boolean }) {
  const router = useRouter();
  const { data: status = initial } = useQuery({
    queryKey: RECOMPUTE_QUERY_KEY,
    queryFn: fetchRecomputeStatus,
    initialData: initial,
    staleTime: 0,
    refetchInterval: (query) => (ACTIVE.has(query.state.data?.state ?? "") ? 1000 : false),
  });
  const { pending, error, run } = useServerAction(startRecompute, { invalidate: [RECOMPUTE_QUERY_KEY] });
  const previous = useRef(status.state);
  useEffect(() => {
    if (ACTIVE.has(previous.current) && !ACTIVE.has(status.state)) router.refresh();
    previous.current = status.state;
  }, [status.state, router]);

  const active = ACTIVE.has(status.state);
  const total = status.total ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((status.done / total) * 100)) : 0;

  return (
    <div className="flex flex-col gap-3" data-testid="recompute-panel" data-state={status.state}>
      {active ? (
        <div className="flex flex-col gap-1.5">
          <div className="flex items-center justify-between gap-2 text-ui">
            <span className="flex items-center gap-1.5 font-medium">
              <LoaderCircle aria-hidden className="size-3.5 animate-spin text-primary" />
              {status.state === "queued" ? "Recompute queued" : "Recomputing"}
            </span>
            <span className="tabular-nums text-muted-foreground">{status.state === "running" && total > 0 ? `${percent}%` : ""}</span>
          </div>
          <ProgressBar
            label="Full recompute progress"
            done={status.state === "queued" ? 0 : status.done}
            total={status.state === "queued" ? null : total || null}
            valueText={total ? `${status.done.toLocaleString("en")} of ${total.toLocaleString("en")} credentials` : "Waiting for a worker"}
          />
          <p className="text-xs text-muted-foreground" data-testid="recompute-note">
            {total ? `${status.done.toLocaleString("en")} / ${total.toLocaleString("en")} · ` : ""}
            {status.note ?? "Waiting for a worker to pick it up."}
          </p>
          <p className="text-xs text-muted-foreground">
            {status.reason === "schedule" ? "Daily run" : status.reason === "policy-change" ? "After a policy change" : "Started by hand"}
            {status.requestedBy ? ` · ${status.requestedBy}` : ""}
          </p>
        </div>
      ) : null}
      {status.state === "succeeded" && status.result ? (
        <p className="text-xs text-muted-foreground" data-testid="recompute-result">
          Last full recompute {status.finishedAt ? utc(status.finishedAt) : ""}: {status.result.scanned.toLocaleString("en")} credentials under policy v{status.result.policyVersion},{" "}
          {status.result.written.toLocaleString("en")} changed, {(status.result.durationMs / 1000).toFixed(1)} s.
        </p>
      ) : null}
      {status.state === "never" ? <p className="text-xs text-muted-foreground">No full recompute has run yet.</p> : null}
      {status.state === "failed" ? (
        <Alert tone="danger" title={`The last recompute failed after ${status.attempts} attempt${status.attempts === 1 ? "" : "s"}`} data-testid="recompute-failed">
          {status.lastError}
        </Alert>
      ) : null}
      {status.state === "queued" && status.lastError ? <p className="text-xs text-warning">Retrying after: {status.lastError}</p> : null}
      {canStart ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={pending || active}
            onClick={() => run({})}
            data-testid="recompute-start"
          >
            <RefreshCw aria-hidden />
            {active ? "Running…" : "Recompute all now"}
          </Button>
          <InlineError message={error?.message} />
        </div>
      ) : null}
    </div>
  );
}
