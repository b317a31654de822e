import { clsx, type ClassValue } from "clsx";
import { extendTailwindMerge } from "tailwind-merge";

// tailwind-merge must know the custom `text-ui` size from globals.css; otherwise it reads it as a
// text colour and drops it (or a real colour) when both appear in one class list.
const twMerge = extendTailwindMerge({ extend: { theme: { text: ["ui"] } } });

/** Joins class names and lets a caller's Tailwind class override a component's default. */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
