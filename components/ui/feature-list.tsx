import { Check } from "lucide-react";
import { cn } from "@/components/ui/cn";

/** "What this page will let you do": a plain checklist, used by empty states of pages not built yet. */
export function FeatureList({ title, items, className }: { title: string; items: string[]; className?: string }) {
  return (
    <div className={cn("rounded-lg border border-border bg-surface-sunken p-4 text-left", className)}>
      <p className="mb-2.5 text-xs font-medium tracking-wide text-muted-foreground uppercase">{title}</p>
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item} className="flex gap-2.5 text-sm text-foreground">
            <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-primary" />
            <span>{item}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
