import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { BUTTON_BASE, BUTTON_SIZES, BUTTON_VARIANTS } from "@/components/ui/button-styles";
import { cn } from "@/components/ui/cn";
import { Slot } from "@/components/ui/slot";

export const buttonVariants = cva(BUTTON_BASE, {
  variants: { variant: BUTTON_VARIANTS, size: BUTTON_SIZES },
  defaultVariants: { variant: "secondary", size: "md" },
});

export type TButtonProps = ComponentProps<"button"> & VariantProps<typeof buttonVariants> & { asChild?: boolean };

/** `asChild` renders the styles on a child element (a Link or <a>) instead of a <button>. */
export function Button({ className, variant, size, asChild = false, type, ...props }: TButtonProps) {
  const Comp = asChild ? Slot : "button";
  return (
    <Comp
      // A bare <button> inside a form submits it; default to "button" so only explicit submits do.
      type={asChild ? undefined : (type ?? "button")}
      className={cn(buttonVariants({ variant, size }), className)}
      {...props}
    />
  );
}
