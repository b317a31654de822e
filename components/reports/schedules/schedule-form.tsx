"use client";

import { CalendarClock } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { Input } from "@/components/ui/input";
import { FieldHint, Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { useServerAction } from "@/lib/client/use-server-action";
import { FORMAT_LABELS, REPORT_FORMATS, REPORT_IDS, REPORTS, type TReportFormat, type TReportId } from "@/lib/reports/catalogue";
import { createReportScheduleAction } from "@/lib/reports/schedules/actions";
import { cadenceToCron, cronProblem, describeCron, WEEKDAYS, type TCadence } from "@/lib/reports/schedules/cadence";
import { reportScheduleHref } from "@/lib/reports/schedules/links";

export type TRecipientOption = { id: string; label: string; role: string };

const FILTER_HINTS: Record<TReportId, string> = {
  inventory: "The inventory's URL filters, e.g. risk=high,critical&sort=expires (or paste an /inventory link). Empty: every credential.",
  frameworks: "Optional: framework=owasp-nhi (or another framework id). Empty: all four.",
  workflows: "Optional: kind=rotation, state=failed,rejected, breakGlass=1 — joined with &.",
  campaigns: "Optional: campaign=<review campaign id>. Empty: every campaign.",
  audit: "Optional: action=access.denied.",
};

/** New schedule: the report and its filters as on an export link, when, and who is told. */
export function ScheduleForm({ recipients, selfId, selfOnly }: { recipients: TRecipientOption[]; selfId: string; selfOnly: boolean }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [report, setReport] = useState<TReportId>("inventory");
  const [format, setFormat] = useState<TReportFormat>("csv");
  const [filters, setFilters] = useState("");
  const [rangeDays, setRangeDays] = useState("30");
  const [kind, setKind] = useState<TCadence["kind"]>("monthly");
  const [time, setTime] = useState("06:00");
  const [weekday, setWeekday] = useState(1);
  const [day, setDay] = useState(1);
  const [expression, setExpression] = useState("0 6 * * 1");
  const [chosen, setChosen] = useState<string[]>([selfId]);
  const create = useServerAction(createReportScheduleAction, { refresh: false, onSuccess: (data) => router.push(reportScheduleHref(data.id)) });

  const cadence: TCadence = kind === "cron" ? { kind, expression } : kind === "weekly" ? { kind, weekday, time } : kind === "monthly" ? { kind, day, time } : { kind, time };
  const cron = cadenceToCron(cadence);
  const problem = kind === "cron" ? cronProblem(cron) : null;
  const ranged = report === "workflows" || report === "audit";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.run({ name, report, format, filters, rangeDays: ranged && rangeDays ? Number(rangeDays) : null, cadence, recipientIds: selfOnly ? [selfId] : chosen });
  };
  const toggle = (id: string, on: boolean) => setChosen((list) => (on ? [...new Set([...list, id])] : list.filter((x) => x !== id)));

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" data-testid="schedule-form">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="schedule-name">Name</Label>
        <Input id="schedule-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Monthly inventory review" maxLength={120} required />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="schedule-report">Report</Label>
          <Select id="schedule-report" value={report} onChange={(e) => setReport(e.target.value as TReportId)}>
            {REPORT_IDS.map((id) => (
              <option key={id} value={id}>
                {REPORTS[id].title}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="schedule-format">Format</Label>
          <Select id="schedule-format" value={format} onChange={(e) => setFormat(e.target.value as TReportFormat)}>
            {REPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f].label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="schedule-filters">Filters</Label>
        <Input id="schedule-filters" value={filters} onChange={(e) => setFilters(e.target.value)} placeholder={report === "inventory" ? "risk=high,critical" : ""} />
        <FieldHint>{FILTER_HINTS[report]} Checked exactly as the export link checks them, now and at every run.</FieldHint>
      </div>
      {ranged ? (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="schedule-range">Covers the last … days</Label>
          <Input id="schedule-range" type="number" min={1} max={366} value={rangeDays} onChange={(e) => setRangeDays(e.target.value)} />
          <FieldHint>Each run reports on this many days before it ran. Leave empty to give from/to in the filters instead.</FieldHint>
        </div>
      ) : null}
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium">When (UTC)</legend>
        <div className="grid grid-cols-2 gap-3">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="schedule-cadence">Every</Label>
            <Select id="schedule-cadence" value={kind} onChange={(e) => setKind(e.target.value as TCadence["kind"])}>
              <option value="daily">Day</option>
              <option value="weekly">Week</option>
              <option value="monthly">Month</option>
              <option value="cron">Cron line</option>
            </Select>
          </div>
          {kind === "weekly" ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="schedule-weekday">On</Label>
              <Select id="schedule-weekday" value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
                {WEEKDAYS.map((d, i) => (
                  <option key={d} value={i}>
                    {d}
                  </option>
                ))}
              </Select>
            </div>
          ) : kind === "monthly" ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="schedule-day">On day</Label>
              <Input id="schedule-day" type="number" min={1} max={28} value={day} onChange={(e) => setDay(Number(e.target.value))} />
            </div>
          ) : null}
          {kind === "cron" ? (
            <div className="col-span-2 flex flex-col gap-1.5">
              <Label htmlFor="schedule-cron">Cron (minute hour day month weekday)</Label>
              <Input id="schedule-cron" value={expression} onChange={(e) => setExpression(e.target.value)} className="font-mono" />
            </div>
          ) : (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="schedule-time">At</Label>
              <Input id="schedule-time" type="time" value={time} onChange={(e) => setTime(e.target.value)} required />
            </div>
          )}
        </div>
        <FieldHint>{problem ? problem : `${describeCron(cron)} — cron ${cron}`}</FieldHint>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-medium">Recipients</legend>
        {selfOnly ? (
          <p className="text-ui text-muted-foreground">Auditors schedule reports to themselves: you will be told when each run is ready.</p>
        ) : (
          <ul className="flex flex-col gap-1.5" data-testid="schedule-recipients">
            {recipients.map((r) => (
              <li key={r.id}>
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" className="mt-0.5 size-4 shrink-0 accent-primary" checked={chosen.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                  <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">{r.label}</span>
                  <span className="shrink-0 text-ui text-muted-foreground">{r.role}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <FieldHint>Tokenward users whose role exports reports (admins, security, auditors). They get an e-mail with a link that needs a sign-in — never the file.</FieldHint>
      </fieldset>
      <InlineError message={create.error?.message} testId="schedule-error" />
      <div>
        <Button type="submit" disabled={create.pending} data-testid="schedule-create">
          <CalendarClock aria-hidden />
          Create schedule
        </Button>
      </div>
    </form>
  );
}
