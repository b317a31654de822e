"use client";

import { useRouter } from "next/navigation";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * The overview's charts (recharts). Loaded on demand by components/overview/charts.tsx, so neither
 * the overview's first paint nor any other page carries the charting library. Colours are the
 * theme's CSS variables, so both themes work without a second palette.
 */

export type TBarDatum = { key: string; label: string; count: number; color: string; href: string };
export type TWeekDatum = { week: string; count: number };

const AXIS = { fontSize: 11, fill: "var(--muted-foreground)" };
const dayLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const shortDay = (iso: string) => dayLabel.format(new Date(`${iso}T00:00:00Z`));
const numberFormat = new Intl.NumberFormat("en-US");

function ChartTooltip({ active, payload, label, unit }: { active?: boolean; payload?: { value?: unknown; name?: unknown; color?: string }[]; label?: unknown; unit: string }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-2.5 py-1.5 text-xs shadow-lg">
      {label !== undefined ? <p className="mb-0.5 font-medium">{String(label)}</p> : null}
      {payload.map((p, i) => (
        <p key={i} className="tabular-nums text-muted-foreground">
          {p.name && payload.length > 1 ? `${String(p.name)}: ` : ""}
          <span className="font-medium text-foreground">{numberFormat.format(Number(p.value ?? 0))}</span> {unit}
        </p>
      ))}
    </div>
  );
}

/** Vertical bars per category; a click opens the matching filtered inventory. */
export function CategoryBars({ data, unit = "credentials" }: { data: TBarDatum[]; unit?: string }) {
  const router = useRouter();
  return (
    <ResponsiveContainer width="100%" height={180}>
      <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis dataKey="label" tick={AXIS} tickLine={false} axisLine={false} interval={0} />
        <YAxis tick={AXIS} tickLine={false} axisLine={false} allowDecimals={false} width={48} />
        <Tooltip cursor={{ fill: "var(--accent)" }} content={<ChartTooltip unit={unit} />} />
        <Bar dataKey="count" radius={[4, 4, 0, 0]} cursor="pointer" onClick={(d: { payload?: TBarDatum }) => d.payload && router.push(d.payload.href)} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.key} style={{ fill: d.color }} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export function Donut({ data }: { data: TBarDatum[] }) {
  const router = useRouter();
  return (
    <ResponsiveContainer width="100%" height={180}>
      <PieChart>
        <Tooltip content={<ChartTooltip unit="credentials" />} />
        <Pie
          data={data}
          dataKey="count"
          nameKey="label"
          innerRadius="58%"
          outerRadius="92%"
          paddingAngle={1}
          stroke="var(--surface)"
          cursor="pointer"
          onClick={(d: { payload?: TBarDatum }) => d.payload && router.push(d.payload.href)}
          isAnimationActive={false}
        >
          {data.map((d) => (
            <Cell key={d.key} style={{ fill: d.color }} />
          ))}
        </Pie>
      </PieChart>
    </ResponsiveContainer>
  );
}

export function WeeklyArea({ data, color = "var(--primary)", unit }: { data: TWeekDatum[]; color?: string; unit: string }) {
  return (
    <ResponsiveContainer width="100%" height={180}>
      <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis dataKey="week" tick={AXIS} tickLine={false} axisLine={false} tickFormatter={shortDay} minTickGap={16} />
        <YAxis tick={AXIS} tickLine={false} axisLine={false} allowDecimals={false} width={48} />
        <Tooltip content={<ChartTooltip unit={unit} />} labelFormatter={(l) => `Week of ${shortDay(String(l))}`} />
        <Area dataKey="count" type="monotone" stroke={color} strokeWidth={2} fill={color} fillOpacity={0.15} isAnimationActive={false} />
      </AreaChart>
    </ResponsiveContainer>
  );
}

export function WeeklyBars({ data, color = "var(--warning)", unit }: { data: TWeekDatum[]; color?: string; unit: string }) {
  return (
    <ResponsiveContainer width="100%" height={180}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis dataKey="week" tick={AXIS} tickLine={false} axisLine={false} tickFormatter={shortDay} minTickGap={16} />
        <YAxis tick={AXIS} tickLine={false} axisLine={false} allowDecimals={false} width={48} />
        <Tooltip cursor={{ fill: "var(--accent)" }} content={<ChartTooltip unit={unit} />} labelFormatter={(l) => `Week of ${shortDay(String(l))}`} />
        <Bar dataKey="count" radius={[3, 3, 0, 0]} style={{ fill: color }} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
