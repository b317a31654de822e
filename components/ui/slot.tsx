import { cloneElement, isValidElement, type HTMLAttributes, type ReactElement, type ReactNode, type Ref } from "react";

type TSlotProps = HTMLAttributes<HTMLElement> & { children?: ReactNode; ref?: Ref<HTMLElement> };

/**
 * `asChild` for our own primitives: renders the single child element with the slot's props merged in
 * (classes joined, handlers chained, the child's own props win otherwise). Radix's Slot does the same
 * with far more code; this one is all the app needs and keeps Radix out of the shared bundle.
 */
export function Slot({ children, ...slotProps }: TSlotProps) {
  if (!isValidElement(children)) return null;
  const child = children as ReactElement<Record<string, unknown>>;
  const childProps = child.props;
  const merged: Record<string, unknown> = { ...slotProps, ...childProps };
  for (const [key, value] of Object.entries(slotProps)) {
    const own = childProps[key];
    if (key === "className") merged.className = [value, own].filter(Boolean).join(" ");
    else if (key === "style") merged.style = { ...(value as object), ...(own as object) };
    else if (/^on[A-Z]/.test(key) && typeof value === "function" && typeof own === "function") {
      merged[key] = (...args: unknown[]) => {
        (own as (...a: unknown[]) => void)(...args);
        (value as (...a: unknown[]) => void)(...args);
      };
    }
  }
  return cloneElement(child, merged);
}
