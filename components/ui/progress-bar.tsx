/**
 * A determinate progress bar (a job's done / total). Without a total it shows a sliver, and the
 * value text says what it waits for, so a screen reader hears the same as the eye sees.
 */
export function ProgressBar({ label, done, total, valueText }: { label: string; done: number; total: number | null; valueText: string }) {
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total || 100}
      aria-valuenow={total ? Math.min(done, total) : 0}
      aria-valuetext={valueText}
      className="h-2 w-full overflow-hidden rounded-full bg-surface-sunken ring-1 ring-border"
    >
      <div className="h-full rounded-full bg-primary transition-[width] duration-500" style={{ width: `${Math.max(2, percent)}%` }} />
    </div>
  );
}

export function percentOf(done: number, total: number | null): number | null {
  return total ? Math.min(100, Math.round((done / total) * 100)) : null;
}
