import { Filter, X } from "lucide-react";
import Link from "next/link";
import { targetTypeLabel } from "@/lib/audit/target-links";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

export type TAuditFilterValues = Partial<Record<"actor" | "action" | "targetType" | "targetId" | "from" | "to", string>>;

/**
 * The audit log's filters as a plain GET form: the URL is the state (shareable, back button, no
 * JavaScript needed), and applying a filter starts again at the newest page (no cursor field).
 */
export function AuditFilters({ values, actions, targetTypes }: { values: TAuditFilterValues; actions: string[]; targetTypes: string[] }) {
  const active = Object.values(values).some(Boolean);
  // A value in the URL that is not (yet) a recorded action stays selectable, so the form shows what filters.
  const actionChoices = values.action && !actions.includes(values.action) ? [values.action, ...actions] : actions;
  const typeChoices = values.targetType && !targetTypes.includes(values.targetType) ? [values.targetType, ...targetTypes] : targetTypes;
  return (
    <form method="get" action="/audit" role="search" aria-label="Filter audit events" data-testid="audit-filters" className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-border bg-surface p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-4">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-actor">Actor</Label>
        <Input id="audit-actor" name="actor" defaultValue={values.actor ?? ""} placeholder="e-mail, user id or system" autoComplete="off" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-action">Action</Label>
        <Select id="audit-action" name="action" defaultValue={values.action ?? ""}>
          <option value="">Any action</option>
          {actionChoices.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-target-type">Target type</Label>
        <Select id="audit-target-type" name="targetType" defaultValue={values.targetType ?? ""}>
          <option value="">Any target</option>
          {typeChoices.map((t) => (
            <option key={t} value={t}>
              {targetTypeLabel(t)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-target-id">Target id</Label>
        <Input id="audit-target-id" name="targetId" defaultValue={values.targetId ?? ""} placeholder="needs a target type" autoComplete="off" className="font-mono" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-from">From (UTC)</Label>
        <Input id="audit-from" name="from" type="date" defaultValue={values.from ?? ""} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-to">To (UTC, inclusive)</Label>
        <Input id="audit-to" name="to" type="date" defaultValue={values.to ?? ""} />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2">
        <Button type="submit" data-testid="audit-apply">
          <Filter aria-hidden />
          Apply filters
        </Button>
        {active ? (
          <Button asChild variant="ghost">
            <Link href="/audit" data-testid="audit-clear">
              <X aria-hidden />
              Clear
            </Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
