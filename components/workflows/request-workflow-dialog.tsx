"use client";

import { RefreshCw, Ban, Siren } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger, DialogActions } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/inline-error";
import { controlClassName, Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { useServerAction } from "@/lib/client/use-server-action";
import { credentialKeys } from "@/lib/inventory/hooks/query-keys";
import { breakGlassAction, requestWorkflowAction } from "@/lib/workflows/actions";

export type TRequestKind = "rotation" | "revocation" | "break_glass";

const COPY: Record<TRequestKind, { button: string; title: string; submit: string }> = {
  rotation: { button: "Request rotation", title: "Request a rotation", submit: "Request rotation" },
  revocation: { button: "Request revocation", title: "Request a revocation", submit: "Request revocation" },
  break_glass: { button: "Break-glass revoke", title: "Revoke now (break-glass)", submit: "Revoke now" },
};

/**
 * A rotation or revocation request for one credential, or security's break-glass revocation. The
 * plan (from the connector's declaration) says how it will go; where the provider revokes only a
 * presented credential (RFC 7009), the current value is asked for — sent once, kept encrypted for
 * that call, never shown again.
 */
export function RequestWorkflowDialog({
  credentialId,
  credentialName,
  kind,
  plan,
  needsValue,
  deliveryTargets = [],
  defaultOpen = false,
}: {
  credentialId: string;
  credentialName: string;
  kind: TRequestKind;
  plan: string;
  needsValue: boolean;
  /** Rotation: where the new secret may go instead of a one-time reveal. */
  deliveryTargets?: { id: string; name: string }[];
  /** Opened on arrival: a link that fixes a risk factor ("Request rotation") lands here. */
  defaultOpen?: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(defaultOpen);
  const [reason, setReason] = useState("");
  const [value, setValue] = useState("");
  const [target, setTarget] = useState("");
  const request = useServerAction(requestWorkflowAction, { invalidate: [credentialKeys.all], refresh: false });
  const breakGlass = useServerAction(breakGlassAction, { invalidate: [credentialKeys.all], refresh: false });
  const { pending, error, clearError } = kind === "break_glass" ? breakGlass : request;
  const copy = COPY[kind];
  const close = (o: boolean) => {
    setOpen(o);
    if (!o) {
      setValue("");
      clearError();
    }
  };
  const done = (created: { id: string }) => router.push(`/workflows/${created.id}`);
  const submit = () => {
    const common = { credentialId, reason: reason.trim() || undefined, currentValue: value || undefined };
    if (kind === "break_glass") breakGlass.run({ ...common, reason: reason.trim() }, done);
    else request.run({ ...common, kind, deliveryTargetId: target || undefined }, done);
  };
  const fieldErrors = error?.fieldErrors ?? {};
  const Icon = kind === "rotation" ? RefreshCw : kind === "revocation" ? Ban : Siren;
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogTrigger asChild>
        <Button size="sm" variant={kind === "break_glass" ? "danger-ghost" : "secondary"} data-testid={`request-${kind}`}>
          <Icon aria-hidden />
          {copy.button}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>{copy.title}</DialogTitle>
        <DialogDescription>
          “{credentialName}”. {plan} {kind === "break_glass" ? "No approval is asked: the owner is told, and the revocation is flagged in every list and report." : "Its owner or a member of its team approves it; you cannot approve your own request."}
        </DialogDescription>
        <form
          className="mt-4 flex flex-col gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`request-${kind}-reason`}>
              Reason {kind === "break_glass" ? null : <span className="font-normal text-muted-foreground">(optional)</span>}
            </Label>
            <textarea
              id={`request-${kind}-reason`}
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              className={cn(controlClassName, "h-auto py-2")}
              aria-invalid={fieldErrors.reason ? true : undefined}
              aria-describedby={`request-${kind}-reason-error`}
              data-testid={`request-${kind}-reason`}
            />
            <FieldError id={`request-${kind}-reason-error`} messages={fieldErrors.reason} />
          </div>
          {deliveryTargets.length > 0 ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`request-${kind}-target`}>Deliver the new secret to</Label>
              <Select id={`request-${kind}-target`} value={target} onChange={(e) => setTarget(e.target.value)} data-testid={`request-${kind}-target`}>
                <option value="">Its owner, revealed once in Tokenward</option>
                {deliveryTargets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} (signed webhook)
                  </option>
                ))}
              </Select>
              <FieldError id={`request-${kind}-target-error`} messages={fieldErrors.deliveryTargetId} />
            </div>
          ) : null}
          {needsValue ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={`request-${kind}-value`}>Its current value</Label>
              <Input
                id={`request-${kind}-value`}
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                aria-invalid={fieldErrors.currentValue ? true : undefined}
                aria-describedby={`request-${kind}-value-hint request-${kind}-value-error`}
                data-testid={`request-${kind}-value`}
              />
              <FieldHint id={`request-${kind}-value-hint`}>This provider revokes a token only when it is presented (RFC 7009). It is checked against the inventory&apos;s fingerprint, kept encrypted for that one call, and erased when the workflow ends.</FieldHint>
              <FieldError id={`request-${kind}-value-error`} messages={fieldErrors.currentValue} />
            </div>
          ) : null}
          <DialogActions label={copy.submit} pendingLabel="Requesting…" pending={pending} variant={kind === "break_glass" ? "danger" : "primary"} testId={`request-${kind}-submit`} />
          <InlineError message={error && !Object.keys(fieldErrors).length ? error.message : null} testId={`request-${kind}-error`} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
