import Link from "next/link";
import type { TChainVerificationRun } from "@/lib/audit/queries";
import { Badge } from "@/components/ui/badge";
import { formatUtc, splitActorLabel } from "@/components/audit/format";

const count = new Intl.NumberFormat("en-US");

/**
 * The chain's status as last proven: when it was verified, by whom, the verdict and the first broken
 * link. Read from the newest audit.verify_chain event (each run is recorded in the chain itself), so
 * it is the same for every viewer and survives restarts.
 */
export function LastVerification({ run }: { run: TChainVerificationRun | null }) {
  if (!run) {
    return (
      <p className="text-ui text-muted-foreground" data-testid="last-verification" data-state="never">
        Never verified. Verification recomputes every hash and checks every signature.
      </p>
    );
  }
  const actor = splitActorLabel(run.actorLabel);
  return (
    <div className="flex flex-col gap-1.5" data-testid="last-verification" data-state={run.ok ? "ok" : "broken"}>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-ui">
        <span className="text-xs text-muted-foreground">Last verified</span>
        {run.ok ? <Badge tone="success">Intact</Badge> : <Badge tone="danger">Broken</Badge>}
        <time dateTime={run.time} className="tabular-nums">
          {formatUtc(run.time)}
        </time>
        <span className="text-muted-foreground">by {actor.name}</span>
        {run.count !== null ? <span className="text-muted-foreground">· {count.format(run.count)} events checked</span> : null}
        <Link href={`/audit/${run.seq}`} className="text-primary underline-offset-4 hover:underline">
          record #{run.seq}
        </Link>
      </p>
      {run.firstBreak ? (
        <p className="text-ui" data-testid="first-break">
          <span className="text-muted-foreground">First broken link: </span>
          <Link href={`/audit/${run.firstBreak.seq}`} className="font-medium text-danger underline-offset-4 hover:underline">
            event #{run.firstBreak.seq}
          </Link>
          <span className="text-muted-foreground"> · {run.firstBreak.reason} · {run.firstBreak.detail}</span>
        </p>
      ) : null}
    </div>
  );
}
