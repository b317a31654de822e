import { Gauge } from "lucide-react";

/** An honest placeholder where risk and trends will go: no invented numbers, no decorative charts. */
export function ComingNext() {
  return (
    <section
      aria-labelledby="coming-next-heading"
      className="flex gap-3 rounded-lg border border-dashed border-border-strong bg-surface-sunken p-4 sm:p-5"
    >
      <Gauge aria-hidden className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
      <div>
        <h2 id="coming-next-heading" className="text-sm font-semibold">
          Risk, trends and charts
        </h2>
        <p className="mt-1 max-w-3xl text-ui text-muted-foreground">
          Risk scores with their evidence, rotation and expiry trends, and the agent → MCP server → provider topology appear here
          with the inventory and risk-engine work. Until then this page shows only counts Tokenward can back with data.
        </p>
      </div>
    </section>
  );
}
