"use client";

import { KeyRound } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger, DialogActions } from "@/components/ui/dialog";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import { InlineError } from "@/components/ui/inline-error";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { useServerAction } from "@/lib/client/use-server-action";
import { issueCredentialAction } from "@/lib/credentials/actions";
import { credentialKeys } from "@/lib/inventory/hooks/query-keys";

/**
 * Mint a credential through the provider (per-task, bound to one resource): it joins the inventory
 * with its fingerprint, owned by the issuer, and its value is shown here once.
 */
export function IssueCredentialDialog({ providerId, providerName, defaultResource }: { providerId: string; providerName: string; defaultResource?: string }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState("");
  const [resource, setResource] = useState(defaultResource ?? "");
  const [ephemeral, setEphemeral] = useState(true);
  const [issued, setIssued] = useState<{ credentialId: string; value: string; expiresAt: string | null } | null>(null);
  const { pending, error, run, clearError } = useServerAction(issueCredentialAction, { invalidate: [credentialKeys.all], forget: true });
  const fieldErrors = error?.fieldErrors ?? {};
  const close = (o: boolean) => {
    setOpen(o);
    if (!o) {
      setIssued(null);
      clearError();
    }
  };
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary" data-testid="provider-issue">
          <KeyRound aria-hidden />
          Issue a credential
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Issue a credential at {providerName}</DialogTitle>
        {issued ? (
          <ShownOnceSecret
            title="Copy it now: it will not be shown again"
            value={issued.value}
            label="Issued credential"
            rows={3}
            testId="provider-issued"
            valueTestId="provider-issued-value"
            actions={
              <Button asChild variant="secondary">
                <Link href={`/inventory/${issued.credentialId}`} data-testid="provider-issued-link">
                  Open in inventory
                </Link>
              </Button>
            }
          >
            Tokenward keeps its fingerprint, not the value.{issued.expiresAt ? ` It expires ${issued.expiresAt.replace("T", " ").slice(0, 16)} UTC.` : ""}
          </ShownOnceSecret>
        ) : (
          <form
            className="mt-2 flex flex-col gap-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              run({ providerId, name: name.trim(), scopes: scopes.split(/[\s,]+/).filter(Boolean), resource: resource.trim() || undefined, ephemeral }, setIssued);
            }}
          >
            <DialogDescription>For one consumer and one job: the narrowest scopes, bound to the resource it is for. It joins the inventory owned by you.</DialogDescription>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="issue-name">Name</Label>
              <Input id="issue-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="billing agent → orders MCP server" aria-invalid={fieldErrors.name ? true : undefined} aria-describedby="issue-name-error" data-testid="issue-name" />
              <FieldError id="issue-name-error" messages={fieldErrors.name} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="issue-scopes">Scopes</Label>
              <Input id="issue-scopes" className="font-mono" value={scopes} onChange={(e) => setScopes(e.target.value)} placeholder="inventory:read" aria-invalid={fieldErrors.scopes ? true : undefined} aria-describedby="issue-scopes-error" data-testid="issue-scopes" />
              <FieldHint>Separated by spaces.</FieldHint>
              <FieldError id="issue-scopes-error" messages={fieldErrors.scopes} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="issue-resource">
                Resource (RFC 8707) <span className="font-normal text-muted-foreground">(optional)</span>
              </Label>
              <Input id="issue-resource" type="url" value={resource} onChange={(e) => setResource(e.target.value)} aria-invalid={fieldErrors.resource ? true : undefined} aria-describedby="issue-resource-error" data-testid="issue-resource" />
              <FieldHint>The audience it is bound to; without one it is accepted anywhere its issuer is trusted.</FieldHint>
              <FieldError id="issue-resource-error" messages={fieldErrors.resource} />
            </div>
            <label className="flex items-start gap-2 text-ui">
              <input type="checkbox" className="mt-0.5 size-4 accent-primary" checked={ephemeral} onChange={(e) => setEphemeral(e.target.checked)} data-testid="issue-ephemeral" />
              <span>
                Revoke it when its task ends
                <span className="block text-xs text-muted-foreground">When a gateway or MCP server reports the task completed, a break-glass revocation runs. Where the provider needs the value to revoke it, Tokenward keeps it encrypted until then.</span>
              </span>
            </label>
            <DialogActions label="Issue" pendingLabel="Issuing…" pending={pending} testId="issue-submit" />
            <InlineError message={error && !Object.keys(fieldErrors).length ? error.message : null} testId="issue-error" />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
