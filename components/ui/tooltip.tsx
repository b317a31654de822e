"use client";

import { Tooltip as T } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * Supplementary text on hover and keyboard focus. The trigger must be focusable and must already have
 * an accessible name: a tooltip never carries information that exists nowhere else. Each tooltip has
 * its own provider, so pages without one never load Radix's tooltip code.
 */
export function Tooltip({
  content,
  children,
  side = "top",
  className,
}: {
  content: ReactNode;
  children: ReactNode;
  side?: "top" | "right" | "bottom" | "left";
  className?: string;
}) {
  return (
    <T.Provider delayDuration={300}>
      <T.Root>
        <T.Trigger asChild>{children}</T.Trigger>
        <T.Portal>
          <T.Content
            side={side}
            sideOffset={6}
            collisionPadding={8}
            className={cn(
              "data-[state=delayed-open]:animate-fade-in z-50 max-w-xs rounded-md bg-foreground px-2 py-1 text-xs text-background shadow-lg",
              className,
            )}
          >
            {content}
          </T.Content>
        </T.Portal>
      </T.Root>
    </T.Provider>
  );
}
