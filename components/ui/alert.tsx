import { cva, type VariantProps } from "class-variance-authority";
import { CircleAlert, CircleCheck, Info, TriangleAlert, type LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const alertVariants = cva("flex gap-3 rounded-lg border px-3.5 py-3 text-sm", {
  variants: {
    tone: {
      info: "border-border bg-surface-sunken text-foreground [&>svg]:text-primary",
      success: "border-success-border bg-success-subtle text-foreground [&>svg]:text-success",
      warning: "border-warning-border bg-warning-subtle text-foreground [&>svg]:text-warning",
      danger: "border-danger-border bg-danger-subtle text-foreground [&>svg]:text-danger",
    },
  },
  defaultVariants: { tone: "info" },
});

const ICONS: Record<NonNullable<VariantProps<typeof alertVariants>["tone"]>, LucideIcon> = {
  info: Info,
  success: CircleCheck,
  warning: TriangleAlert,
  danger: CircleAlert,
};

/** Inline callout. Colour is never the only signal: every tone has its own icon and a title. */
export function Alert({
  tone = "info",
  title,
  children,
  className,
  ...props
}: Omit<ComponentProps<"div">, "title"> & VariantProps<typeof alertVariants> & { title?: ReactNode }) {
  const Icon = ICONS[tone ?? "info"];
  return (
    <div className={cn(alertVariants({ tone }), className)} {...props}>
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 space-y-0.5">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className="text-ui text-muted-foreground [overflow-wrap:anywhere]">{children}</div> : null}
      </div>
    </div>
  );
}
