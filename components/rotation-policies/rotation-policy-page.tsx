import "server-only";
import { Lock } from "lucide-react";
import Link from "next/link";
import { SettingsHeader } from "@/components/settings/settings-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { allows } from "@/lib/auth/access";
import type { TActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { rotationPolicyPage } from "@/lib/rotation-policies/queries";
import { RotationPolicyEditor } from "./policy-editor";

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** Settings → Rotation policy: admins edit (with a dry run before saving); security and auditors read. */
export async function RotationPolicyPage({ actor }: { actor: TActor }) {
  if (!allows(actor, "rotation_policy.read")) {
    return (
      <>
        <SettingsHeader role={actor.role} />
        <EmptyState icon={Lock} title="The rotation policy is for admins, security and auditors" description="It decides when Tokenward asks for rotations on its own." />
      </>
    );
  }
  const data = await rotationPolicyPage(await db());
  const canEdit = allows(actor, "policy.manage");
  const run = data.lastRun?.result;
  return (
    <>
      <SettingsHeader role={actor.role} />
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-2xl">
          <h2 className="text-sm font-semibold">
            Rotation policy <Badge tone="outline" data-testid="rotation-active-version">v{data.active.version}</Badge>
          </h2>
          <p className="text-ui text-muted-foreground">
            Rules that open rotation requests on their own — every N days, or once a credential has lived too long — and reminders before credentials expire. Requests go through the same approval as anyone&apos;s;{" "}
            <Link href="/workflows?view=all" className="text-primary underline-offset-4 hover:underline">
              see them in Workflows
            </Link>
            .
          </p>
        </div>
        <p className="text-ui text-muted-foreground" data-testid="rotation-last-run">
          {data.lastRun
            ? data.lastRun.state === "succeeded" && run
              ? `Last run ${data.lastRun.finishedAt ? utc(data.lastRun.finishedAt) : ""}: ${run.requested ?? 0} requested, ${run.autoApproved ?? 0} auto-approved, ${run.blocked ?? 0} cannot auto-rotate, ${run.reminders ?? 0} reminders.`
              : `Last run: ${data.lastRun.state}${data.lastRun.error ? ` — ${data.lastRun.error}` : ""}`
            : "Not run yet."}
        </p>
      </div>
      {canEdit ? null : (
        <p className="mb-4 text-ui text-muted-foreground" data-testid="rotation-read-only">
          Read-only: only admins change the rotation policy.
        </p>
      )}
      <RotationPolicyEditor ceiling={data.ceiling} initial={data.active.policy} version={data.active.version} providers={data.providers} readOnly={!canEdit} />
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <section>
          <h2 className="mb-2 text-sm font-semibold">Requests the policy opened</h2>
          {data.requests.length ? (
            <ul className="flex flex-col divide-y divide-border rounded-lg border border-border text-ui" data-testid="rotation-requests">
              {data.requests.map((r) => (
                <li key={r.workflowId} className="flex flex-wrap items-center gap-2 px-3 py-2">
                  <Link href={`/workflows/${r.workflowId}`} className="font-medium underline-offset-4 hover:underline">
                    {r.credential.name}
                  </Link>
                  <span className="text-muted-foreground">
                    v{r.version} rule {r.rule}, {utc(r.at)}
                  </span>
                  <Badge tone="neutral">{r.state.replace(/_/g, " ")}</Badge>
                  {r.autoApproved ? <Badge tone="primary">auto-approved</Badge> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-ui text-muted-foreground">None yet.</p>
          )}
        </section>
        <section>
          <h2 className="mb-2 text-sm font-semibold">History</h2>
          {data.versions.length ? (
            <ul className="flex flex-col gap-1 text-ui" data-testid="rotation-history">
              {data.versions.map((v) => (
                <li key={v.version}>
                  <span className="font-medium">v{v.version}</span> <span className="text-muted-foreground">{utc(v.createdAt)}{v.by ? ` by ${v.by}` : ""}{v.comment ? ` — ${v.comment}` : ""}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-ui text-muted-foreground">The built-in default (v0): no rules and no expiry reminders.</p>
          )}
          <p className="mt-2 text-xs text-muted-foreground">Every save is a new version, recorded in the audit trail with its rules.</p>
        </section>
      </div>
    </>
  );
}
