import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label className={cn("text-ui font-medium text-foreground", className)} {...props} />;
}

export function FieldHint({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("text-xs text-muted-foreground", className)} {...props} />;
}

/** Renders nothing without messages, so it can always be placed under a control. */
export function FieldError({ id, messages, className }: { id: string; messages?: string[]; className?: string }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className={cn("text-xs font-medium text-danger", className)}>
      {messages.join(" ")}
    </p>
  );
}
