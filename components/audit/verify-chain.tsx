"use client";

import { LoaderCircle, ShieldCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { verifyAuditChainAction } from "@/lib/audit/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { shortHash } from "@/components/audit/format";

type TVerifyResult = Awaited<ReturnType<typeof verifyAuditChainAction>>;

const count = new Intl.NumberFormat("en-US");

function VerifyOutcome({ result }: { result: TVerifyResult }) {
  if (!result.ok) {
    return (
      <Alert tone="danger" title="Could not verify the chain">
        {result.error.message}
      </Alert>
    );
  }
  const { data } = result;
  if (data.ok) {
    const events = `${count.format(data.count)} ${data.count === 1 ? "event" : "events"}`;
    return (
      <Alert tone="success" title={data.head ? `Chain intact: ${events}, head #${data.head.seq}` : "Chain intact: no events yet"}>
        {data.head ? (
          <span className="font-mono text-xs" title={data.head.hash}>
            head hash {shortHash(data.head.hash, 24)}
          </span>
        ) : null}
      </Alert>
    );
  }
  return (
    <Alert tone="danger" title={data.firstBreak ? `Chain broken at event #${data.firstBreak.seq}` : "Chain broken"}>
      {data.firstBreak ? (
        <>
          <span className="font-medium text-foreground">{data.firstBreak.reason}</span>
          {data.firstBreak.detail ? <span className="block font-mono text-xs">{data.firstBreak.detail}</span> : null}
        </>
      ) : null}
      <span className="block">
        {count.format(data.count)} events checked. Export the trail and investigate before relying on it.
      </span>
    </Alert>
  );
}

/** Recomputes every hash server-side; the verification itself is recorded, so the table refreshes. */
export function VerifyChain() {
  const router = useRouter();
  const [result, setResult] = useState<TVerifyResult | null>(null);
  const [pending, startTransition] = useTransition();

  function verify() {
    startTransition(async () => {
      const outcome = await verifyAuditChainAction({});
      setResult(outcome);
      if (outcome.ok) router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button onClick={verify} disabled={pending} data-testid="verify-chain">
          {pending ? <LoaderCircle aria-hidden className="animate-spin" /> : <ShieldCheck aria-hidden />}
          {pending ? "Verifying…" : "Verify chain"}
        </Button>
      </div>
      <div aria-live="polite" data-testid="verify-result" data-state={result ? (result.ok && result.data.ok ? "ok" : "failed") : "idle"}>
        {result ? <VerifyOutcome result={result} /> : null}
      </div>
    </div>
  );
}
