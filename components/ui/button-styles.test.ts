import { describe, expect, it } from "vitest";
import { buttonVariants } from "./button";
import { BUTTON_BASE, BUTTON_SIZES, BUTTON_VARIANTS } from "./button-styles";
import { cn } from "./cn";

describe("button styles", () => {
  // app/global-error.tsx joins the strings itself instead of calling cva + cn: the result must be
  // the class list <Button> renders.
  it("joined plainly, give the classes <Button> renders", () => {
    for (const variant of Object.keys(BUTTON_VARIANTS) as (keyof typeof BUTTON_VARIANTS)[]) {
      for (const size of Object.keys(BUTTON_SIZES) as (keyof typeof BUTTON_SIZES)[]) {
        if (variant === "link") continue; // `link` overrides the size's height and padding: it needs the merge.
        expect(`${BUTTON_BASE} ${BUTTON_VARIANTS[variant]} ${BUTTON_SIZES[size]}`).toBe(cn(buttonVariants({ variant, size })));
      }
    }
  });
});
