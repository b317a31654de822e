"use client";

import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useServerAction } from "@/lib/client/use-server-action";
import { retryBulkAction } from "@/lib/workflows/bulk/actions";
import { useBatchProgress } from "@/lib/workflows/bulk/hooks";
import type { TBatchProgress } from "@/lib/workflows/bulk/queries";
import { workflowKeys } from "@/lib/workflows/query-keys";

const n = (v: number) => v.toLocaleString("en");

/** Live progress of a bulk revocation; the item list re-renders when the last one settles. */
export function BatchProgress({ batchId, initial, canRetry }: { batchId: string; initial: TBatchProgress; canRetry: boolean }) {
  const router = useRouter();
  const p = useBatchProgress(batchId, initial);
  const retry = useServerAction(retryBulkAction, { invalidate: [workflowKeys.batch(batchId)] });
  const wasRunning = useRef(p.running > 0);
  useEffect(() => {
    if (wasRunning.current && p.running === 0) router.refresh();
    wasRunning.current = p.running > 0;
  }, [p.running, router]);
  return (
    <div className="flex flex-col gap-2" data-testid="batch-progress" data-running={p.running}>
      <ProgressBar label="Bulk revocation progress" done={p.done} total={p.total} valueText={`${n(p.done)} of ${n(p.total)} settled`} />
      <p className="text-ui tabular-nums">
        <span className="font-medium text-success" data-testid="batch-completed">{n(p.completed)} revoked</span> · <span className={p.failed ? "font-medium text-danger" : "text-muted-foreground"} data-testid="batch-failed">{n(p.failed)} failed</span> ·{" "}
        <span className="text-muted-foreground">{n(p.running)} in progress</span>
      </p>
      {canRetry && p.failed > 0 && p.running === 0 ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" variant="secondary" disabled={retry.pending} onClick={() => retry.run({ batchId })} data-testid="batch-retry">
            <RotateCcw aria-hidden />
            Retry the {n(p.failed)} failed
          </Button>
          <InlineError message={retry.error?.message} />
        </div>
      ) : null}
    </div>
  );
}
