"use client";

import { Rocket } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { InlineError } from "@/components/ui/inline-error";
import { controlClassName, Input } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { useServerAction } from "@/lib/client/use-server-action";
import { useCredentialCount } from "@/lib/inventory/hooks/use-credentials";
import { filterOf, filterToSearchParams, parseListSearchParams } from "@/lib/inventory/query-params";
import { createCampaignAction } from "@/lib/reviews/actions";
import { MAX_CAMPAIGN_ITEMS } from "@/lib/reviews/schemas";

export type TReviewerOption = { id: string; label: string };

/**
 * The campaign's settings beside the inventory below it: the filter is the inventory's own (its
 * URL), the preview count is the inventory's count; launching sends the filter and the count seen,
 * never ids — the server materialises the items (frozen scope) and refuses a different count.
 */
export function NewCampaignForm({ reviewers, defaultDue, minDue }: { reviewers: TReviewerOption[]; defaultDue: string; minDue: string }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const filterString = useMemo(() => {
    const parsed = parseListSearchParams(searchParams);
    return parsed.success ? filterToSearchParams(filterOf(parsed.data)).toString() : null;
  }, [searchParams]);
  const count = useCredentialCount(filterString ?? "", filterString !== null);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [due, setDue] = useState(defaultDue);
  const [orphanReviewerId, setOrphanReviewerId] = useState("");
  const { run, pending, error } = useServerAction(createCampaignAction);

  const value = count.data?.precision === "exact" ? count.data.value : null;
  const tooMany = count.data ? count.data.value > MAX_CAMPAIGN_ITEMS : false;
  const fieldErrors = error?.fieldErrors ?? {};
  const launch = () => {
    if (filterString === null || value === null) return;
    // The end of the chosen day, UTC: "due on the 20th" includes the 20th.
    const dueAt = new Date(`${due}T23:59:00.000Z`).toISOString();
    run({ name, description: description.trim() || undefined, filter: filterString, expected: value, dueAt, orphanReviewerId: orphanReviewerId || undefined }, (data) => router.push(`/reviews/${data.id}`));
  };

  return (
    <Card data-testid="new-campaign-form">
      <CardHeader>
        <CardTitle>Campaign</CardTitle>
        <CardDescription>
          Filter the inventory below to the credentials to review. At launch they are frozen into the campaign and each goes to its owner (or its team); orphaned
          ones go to the reviewer you choose.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="grid gap-4 md:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            launch();
          }}
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="campaign-name">Name</Label>
            <Input id="campaign-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} placeholder="Q4 review: GitHub tokens with write scopes" data-testid="campaign-name" aria-describedby="campaign-name-error" />
            <FieldError id="campaign-name-error" messages={fieldErrors.name} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="campaign-due">Due date</Label>
            <Input id="campaign-due" type="date" value={due} min={minDue} onChange={(e) => setDue(e.target.value)} data-testid="campaign-due" aria-describedby="campaign-due-error" />
            <FieldError id="campaign-due-error" messages={fieldErrors.dueAt} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="campaign-orphan-reviewer">Reviewer of orphaned credentials</Label>
            <Select id="campaign-orphan-reviewer" value={orphanReviewerId} onChange={(e) => setOrphanReviewerId(e.target.value)} data-testid="campaign-orphan-reviewer" aria-describedby="campaign-orphan-error">
              <option value="">Nobody (only if none is orphaned)</option>
              {reviewers.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </Select>
            <FieldError id="campaign-orphan-error" messages={fieldErrors.orphanReviewerId} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="campaign-description">
              Description <span className="font-normal text-muted-foreground">(optional)</span>
            </Label>
            <textarea id="campaign-description" rows={2} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} className={cn(controlClassName, "h-auto py-2")} />
          </div>
          <div className="flex flex-wrap items-center justify-between gap-3 md:col-span-2">
            <FieldHint data-testid="campaign-preview-count">
              {filterString === null
                ? "The filter in the address is not valid."
                : count.data
                  ? tooMany
                    ? `The filter matches ${count.data.value.toLocaleString("en-US")} credentials; a campaign reviews at most ${MAX_CAMPAIGN_ITEMS.toLocaleString("en-US")}. Narrow it.`
                    : `${count.data.value.toLocaleString("en-US")} credential${count.data.value === 1 ? "" : "s"} will be reviewed.`
                  : "Counting…"}
            </FieldHint>
            <Button type="submit" disabled={pending || value === null || value === 0 || tooMany} data-testid="campaign-launch">
              <Rocket aria-hidden />
              {pending ? "Launching…" : value ? `Launch review of ${value}` : "Launch"}
            </Button>
          </div>
        </form>
        <InlineError message={error?.message} className="mt-3" testId="campaign-error" />
      </CardContent>
    </Card>
  );
}
