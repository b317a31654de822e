"use client";

import { Siren } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger, DialogActions } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/inline-error";
import { controlClassName } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { useServerAction } from "@/lib/client/use-server-action";
import { credentialKeys } from "@/lib/inventory/hooks/query-keys";
import { planBulkAction, revokeBulkAction } from "@/lib/workflows/bulk/actions";
import type { TBulkPlan } from "@/lib/workflows/bulk/plan-bulk";
import type { TBulkScope } from "@/lib/workflows/bulk/schemas";

const n = (v: number) => v.toLocaleString("en");

/**
 * Bulk (break-glass) revocation from the inventory: first the dry run — what will be revoked, and
 * grouped, what will not and why — then a reason, then the batch, whose page shows its progress.
 */
export function BulkRevokeDialog({ scope, label }: { scope: TBulkScope; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [plan, setPlan] = useState<TBulkPlan | null>(null);
  const [reason, setReason] = useState("");
  const dryRun = useServerAction(planBulkAction, { refresh: false });
  const revoke = useServerAction(revokeBulkAction, { invalidate: [credentialKeys.all], refresh: false });
  const onOpenChange = (o: boolean) => {
    setOpen(o);
    if (o) dryRun.run({ scope }, setPlan);
    else {
      setPlan(null);
      dryRun.clearError();
      revoke.clearError();
    }
  };
  const eligible = plan?.eligible.length ?? 0;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm" variant="danger-ghost" data-testid="bulk-revoke-open">
          <Siren aria-hidden />
          Revoke…
        </Button>
      </DialogTrigger>
      <DialogContent className="text-left whitespace-normal">
        <DialogTitle>Revoke {label}?</DialogTitle>
        <DialogDescription>Break-glass: each credential is revoked at its provider now, without its owner&apos;s approval; owners are told, and the batch is flagged in every report.</DialogDescription>
        {dryRun.pending ? <p className="mt-4 text-ui text-muted-foreground">Checking what each provider can do…</p> : null}
        <InlineError message={dryRun.error?.message} className="mt-3" testId="bulk-plan-error" />
        {plan ? (
          <div className="mt-4 flex flex-col gap-3" data-testid="bulk-plan">
            <p className="text-ui">
              <span className="font-semibold tabular-nums" data-testid="bulk-eligible">
                {n(eligible)}
              </span>{" "}
              of {n(plan.selected)} will be revoked{eligible > 0 ? `, for example ${plan.eligible.slice(0, 3).map((e) => `“${e.name}”`).join(", ")}` : ""}.
            </p>
            {plan.skipped.length > 0 ? (
              <Alert tone="warning" title={`${n(plan.selected - eligible)} will be left as they are`}>
                <ul className="flex flex-col gap-1" data-testid="bulk-skipped">
                  {plan.skipped.map((s) => (
                    <li key={s.reason}>
                      <span className="font-medium tabular-nums">{n(s.count)}</span>: {s.reason}
                      <span className="block text-xs text-muted-foreground">{s.sample.map((i) => i.name).join(", ")}{s.count > s.sample.length ? ", …" : ""}</span>
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            {eligible === 0 ? (
              <p className="text-ui text-muted-foreground" data-testid="bulk-nothing">
                Tokenward can revoke none of these through their providers. Revoke them at the provider, or connect it first.
              </p>
            ) : null}
            {eligible > 0 ? (
              <form
                className="flex flex-col gap-3"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  revoke.run({ scope, reason: reason.trim(), eligible }, (done) => router.push(`/workflows/batches/${done.batchId}`));
                }}
              >
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="bulk-reason">Reason</Label>
                  <textarea
                    id="bulk-reason"
                    rows={3}
                    maxLength={1000}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    placeholder="INC-2041: tokens in the leaked CI log"
                    className={cn(controlClassName, "h-auto py-2")}
                    aria-invalid={revoke.error?.fieldErrors?.reason ? true : undefined}
                    aria-describedby="bulk-reason-error"
                    data-testid="bulk-reason"
                  />
                  <FieldError id="bulk-reason-error" messages={revoke.error?.fieldErrors?.reason} />
                </div>
                <DialogActions label={`Revoke ${n(eligible)}`} pendingLabel="Starting…" pending={revoke.pending} variant="danger" testId="bulk-revoke-submit" />
                <InlineError message={revoke.error && !revoke.error.fieldErrors ? revoke.error.message : null} testId="bulk-revoke-error" />
              </form>
            ) : null}
          </div>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
