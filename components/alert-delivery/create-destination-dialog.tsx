"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger, DialogActions } from "@/components/ui/dialog";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import { InlineError } from "@/components/ui/inline-error";
import { Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { USAGE_FACTOR_LABELS } from "@/components/usage/labels";
import { createAlertDestinationAction } from "@/lib/alerts/actions";
import { ALERT_SEVERITIES, type TAlertDestinationKind, type TAlertSeverity } from "@/lib/alerts/schemas";
import { useServerAction } from "@/lib/client/use-server-action";
import { USAGE_FACTORS, type TUsageFactor } from "@/lib/usage/usage-factors";

const KINDS: { value: TAlertDestinationKind; label: string; placeholder: string; hint: string }[] = [
  { value: "webhook", label: "Signed webhook (JSON)", placeholder: "https://soc.internal/hooks/tokenward", hint: "Each POST is signed: Tokenward-Signature, HMAC-SHA256 of timestamp.body with the secret shown once after saving." },
  { value: "slack", label: "Slack incoming webhook", placeholder: "https://hooks.slack.com/services/T…/B…/…", hint: "The URL is the secret: it is stored encrypted and never shown again." },
  { value: "siem", label: "SIEM collector (JSON lines)", placeholder: "https://siem.internal/collector/tokenward", hint: "One NDJSON line per alert, POSTed as application/x-ndjson." },
];

/** Add a destination; a webhook's signing secret is shown here once, to configure the receiver with. */
export function CreateDestinationDialog() {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<TAlertDestinationKind>("webhook");
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [token, setToken] = useState("");
  const [minSeverity, setMinSeverity] = useState<TAlertSeverity>("low");
  const [detectors, setDetectors] = useState<TUsageFactor[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const { pending, error, run, clearError } = useServerAction(createAlertDestinationAction, { forget: true });
  const fe = error?.fieldErrors ?? {};
  const meta = KINDS.find((k) => k.value === kind)!;
  const reset = () => {
    setSecret(null);
    setName("");
    setUrl("");
    setToken("");
    setKind("webhook");
    setMinSeverity("low");
    setDetectors([]);
    clearError();
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="primary" data-testid="alert-destination-create">
          <Plus aria-hidden />
          Add destination
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Add an alert destination</DialogTitle>
        {secret ? (
          <ShownOnceSecret title="Copy the signing secret now: it will not be shown again" value={secret} label="Signing secret" testId="alert-destination-created" valueTestId="alert-destination-secret">
            The receiver checks <span className="font-mono">Tokenward-Signature</span> (HMAC-SHA256 of <span className="font-mono">timestamp.body</span>), refuses a timestamp more than 5 minutes off, and dedupes on <span className="font-mono">Idempotency-Key</span>.
          </ShownOnceSecret>
        ) : (
          <form
            className="mt-2 flex flex-col gap-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const base = { name: name.trim(), url: url.trim(), minSeverity, detectors };
              const input = kind === "siem" ? { kind, ...base, ...(token.trim() ? { token: token.trim() } : {}) } : { kind, ...base };
              run(input, (d) => (d.signingSecret ? setSecret(d.signingSecret) : setOpen(false)));
            }}
          >
            <DialogDescription>New usage findings (passthrough, audience mismatch, sharing, cross-environment, human use) are sent here once, with retries.</DialogDescription>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="alert-destination-kind">Kind</Label>
              <Select id="alert-destination-kind" value={kind} onChange={(e) => setKind(e.target.value as TAlertDestinationKind)} data-testid="alert-destination-kind">
                {KINDS.map((k) => (
                  <option key={k.value} value={k.value}>
                    {k.label}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="alert-destination-name">Name</Label>
              <Input id="alert-destination-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={fe.name ? true : undefined} aria-describedby="alert-destination-name-error" data-testid="alert-destination-name" />
              <FieldError id="alert-destination-name-error" messages={fe.name} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="alert-destination-url">URL</Label>
              <Input id="alert-destination-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder={meta.placeholder} autoComplete="off" aria-invalid={fe.url ? true : undefined} aria-describedby="alert-destination-url-hint alert-destination-url-error" data-testid="alert-destination-url" />
              <FieldHint id="alert-destination-url-hint">{meta.hint} https only (http for localhost); redirects are not followed.</FieldHint>
              <FieldError id="alert-destination-url-error" messages={fe.url} />
            </div>
            {kind === "siem" ? (
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="alert-destination-token">Bearer token (optional)</Label>
                <Input id="alert-destination-token" type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" aria-invalid={fe.token ? true : undefined} aria-describedby="alert-destination-token-hint alert-destination-token-error" data-testid="alert-destination-token" />
                <FieldHint id="alert-destination-token-hint">Sent as Authorization: Bearer; stored encrypted, never shown again.</FieldHint>
                <FieldError id="alert-destination-token-error" messages={fe.token} />
              </div>
            ) : null}
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="alert-destination-severity">Minimum severity</Label>
              <Select id="alert-destination-severity" value={minSeverity} onChange={(e) => setMinSeverity(e.target.value as TAlertSeverity)} data-testid="alert-destination-severity">
                {ALERT_SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
              <FieldHint>The credential&apos;s risk level when the finding is raised.</FieldHint>
            </div>
            <fieldset className="flex flex-col gap-1.5">
              <legend className="mb-1.5 text-sm font-medium">Detectors</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-2">
                {USAGE_FACTORS.map((f) => (
                  <label key={f} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" className="size-4 accent-primary" checked={detectors.includes(f)} onChange={(e) => setDetectors((d) => (e.target.checked ? [...d, f] : d.filter((x) => x !== f)))} data-testid={`alert-destination-detector-${f}`} />
                    {USAGE_FACTOR_LABELS[f]}
                  </label>
                ))}
              </div>
              <FieldHint>None ticked: every detector.</FieldHint>
              <FieldError id="alert-destination-detectors-error" messages={fe.detectors} />
            </fieldset>
            <DialogActions label="Add" pendingLabel="Adding…" pending={pending} testId="alert-destination-submit" />
            <InlineError message={error && !Object.keys(fe).length ? error.message : null} />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
