"use client";

import { Pause, Play, RefreshCw, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { useServerAction } from "@/lib/client/use-server-action";
import { deleteReportScheduleAction, pauseReportScheduleAction, runReportScheduleAction } from "@/lib/reports/schedules/actions";
import { reportSchedulesHref } from "@/lib/reports/schedules/links";

/**
 * Run now / pause / delete. A run happens in the worker: after "Run now" (or while a run is in
 * progress) the page refreshes every 2 s until the history changes, for at most two minutes.
 */
export function ScheduleControls({ scheduleId, paused, runCount, running }: { scheduleId: string; paused: boolean; runCount: number; running: boolean }) {
  const router = useRouter();
  const [waitingFrom, setWaitingFrom] = useState<number | null>(null);
  const run = useServerAction(runReportScheduleAction, { onSuccess: () => setWaitingFrom(runCount) });
  const pause = useServerAction(pauseReportScheduleAction);
  const remove = useServerAction(deleteReportScheduleAction, { refresh: false, onSuccess: () => router.push(reportSchedulesHref) });
  const polling = running || (waitingFrom !== null && waitingFrom === runCount);

  useEffect(() => {
    if (!polling) return;
    const started = Date.now();
    const timer = setInterval(() => (Date.now() - started > 120_000 ? clearInterval(timer) : router.refresh()), 2_000);
    return () => clearInterval(timer);
  }, [polling, router]);

  const error = run.error ?? pause.error ?? remove.error;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="sm" disabled={run.pending || polling} onClick={() => run.run({ scheduleId })} data-testid="schedule-run-now">
          <RefreshCw aria-hidden />
          {polling ? "Running…" : "Run now"}
        </Button>
        <Button variant="secondary" size="sm" disabled={pause.pending} onClick={() => pause.run({ scheduleId, paused: !paused })} data-testid="schedule-pause">
          {paused ? <Play aria-hidden /> : <Pause aria-hidden />}
          {paused ? "Resume" : "Pause"}
        </Button>
        <Button
          variant="danger-ghost"
          size="sm"
          disabled={remove.pending}
          onClick={() => {
            if (window.confirm("Delete this schedule and its stored files? Its exports stay in the audit trail.")) remove.run({ scheduleId });
          }}
          data-testid="schedule-delete"
        >
          <Trash2 aria-hidden />
          Delete
        </Button>
      </div>
      <InlineError message={error?.message} testId="schedule-control-error" />
    </div>
  );
}
