"use client";

import { KeyRound } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger, DialogActions } from "@/components/ui/dialog";
import { InlineError } from "@/components/ui/inline-error";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { useServerAction } from "@/lib/client/use-server-action";
import { configureProbeAction } from "@/lib/mcp-servers/actions";
import type { TProbeSettingsView } from "@/lib/mcp-servers/schemas";

type TProps = { serverId: string; serverName: string; settings: TProbeSettingsView | null };

function Field({ id, label, hint, errors, children }: { id: string; label: string; hint?: ReactNode; errors?: string[]; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

/** Admin: the client the probe uses at an authorization server this MCP server trusts. The secret goes in, never comes back. */
export function ProbeSettingsDialog({ serverId, serverName, settings }: TProps) {
  const [open, setOpen] = useState(false);
  const initial = () => ({
    tokenEndpoint: settings?.tokenEndpoint ?? "", clientId: settings?.clientId ?? "", clientSecret: "",
    otherResource: settings?.otherResource ?? "", scope: settings?.scope ?? "", expiryWaitSeconds: String(settings?.expiryWaitSeconds ?? 0), schedule: settings?.schedule ?? "",
  });
  const [f, setF] = useState(initial);
  const { pending, error, run, clearError } = useServerAction(configureProbeAction);
  const fe = error?.fieldErrors ?? {};
  const bind = (key: keyof typeof f) => ({
    id: `probe-${key}`, value: f[key], onChange: (e: { target: { value: string } }) => setF((s) => ({ ...s, [key]: e.target.value })),
    "aria-invalid": fe[key] ? true : undefined, "aria-describedby": `probe-${key}-hint probe-${key}-error`, "data-testid": `probe-${key}`,
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setF(initial());
        clearError();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary" data-testid="probe-configure">
          <KeyRound aria-hidden />
          Probe client
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Probe client for {serverName}</DialogTitle>
        <form
          className="mt-2 flex flex-col gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const wait = Number(f.expiryWaitSeconds);
            run(
              {
                id: serverId, tokenEndpoint: f.tokenEndpoint.trim(), clientId: f.clientId.trim(), ...(f.clientSecret ? { clientSecret: f.clientSecret } : {}),
                otherResource: f.otherResource.trim(), scope: f.scope.trim(), expiryWaitSeconds: Number.isFinite(wait) ? wait : -1, schedule: f.schedule.trim(),
              },
              () => setOpen(false),
            );
          }}
        >
          <DialogDescription>
            A confidential client at an authorization server this MCP server trusts: the probe gets tokens by client credentials — one for this server (the
            control), one for another resource, one without resource — to see which the server refuses.
          </DialogDescription>
          <Field id="probe-tokenEndpoint" label="Token endpoint" errors={fe.tokenEndpoint}>
            <Input type="url" placeholder="https://auth.example.com/oauth/token" {...bind("tokenEndpoint")} />
          </Field>
          <Field id="probe-clientId" label="Client id" errors={fe.clientId}>
            <Input autoComplete="off" {...bind("clientId")} />
          </Field>
          <Field id="probe-clientSecret" label="Client secret" errors={fe.clientSecret} hint={settings?.secretSet ? "Set — leave empty to keep it. Stored encrypted; never shown again." : "Stored encrypted; never shown again."}>
            <Input type="password" autoComplete="new-password" {...bind("clientSecret")} />
          </Field>
          <Field id="probe-otherResource" label="Another resource (optional)" errors={fe.otherResource} hint="A resource the authorization server issues tokens for that is not this server (RFC 8707). Without one, that check is not applicable.">
            <Input type="url" placeholder="https://other.example.com/mcp" {...bind("otherResource")} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="probe-scope" label="Scope (optional)" errors={fe.scope}>
              <Input {...bind("scope")} />
            </Field>
            <Field id="probe-expiryWaitSeconds" label="Expiry wait (s)" errors={fe.expiryWaitSeconds} hint="0–120. The expired-token check waits for a short-lived token to expire; 0 skips it.">
              <Input inputMode="numeric" {...bind("expiryWaitSeconds")} />
            </Field>
          </div>
          <Field id="probe-schedule" label="Schedule (optional)" errors={fe.schedule} hint='UTC cron, e.g. "0 3 * * *" daily. Empty: on demand only.'>
            <Input {...bind("schedule")} />
          </Field>
          <DialogActions label="Save" pendingLabel="Saving…" pending={pending} testId="probe-settings-save" />
          <InlineError message={error && !Object.keys(fe).length ? error.message : null} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
