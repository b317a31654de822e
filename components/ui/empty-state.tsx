import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function EmptyState({
  icon: Icon,
  title,
  description,
  children,
  className,
  headingLevel = 2,
}: {
  icon: LucideIcon;
  title: string;
  description: ReactNode;
  children?: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-lg border border-dashed border-border-strong bg-surface px-5 py-10 text-center sm:px-10 sm:py-14",
        className,
      )}
    >
      <div className="mb-4 flex size-11 items-center justify-center rounded-xl border border-border bg-surface-sunken text-muted-foreground shadow-xs">
        <Icon aria-hidden className="size-5" />
      </div>
      <Heading className="text-base font-semibold tracking-tight text-foreground">{title}</Heading>
      <div className="mt-1.5 max-w-lg text-sm text-muted-foreground">{description}</div>
      {children ? <div className="mt-6 w-full max-w-lg">{children}</div> : null}
    </div>
  );
}
