import { CircleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";

/**
 * The live region is always rendered (empty when there is no error) so screen readers announce the
 * message when it appears.
 */
export function InlineError({ message, id, testId, className }: { message: string | null | undefined; id?: string; testId?: string; className?: string }) {
  return (
    <div id={id} role="status" aria-live="polite" data-testid={testId} className={cn(!message && "sr-only", className)}>
      {message ? (
        <p className="flex items-start gap-1.5 text-xs font-medium text-danger">
          <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
          <span>{message}</span>
        </p>
      ) : null}
    </div>
  );
}
