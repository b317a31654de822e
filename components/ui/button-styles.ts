// Button classes as plain strings: `buttonVariants` (button.tsx) builds on them, and the global error
// page composes them directly so it ships neither class-variance-authority nor `cn`.
export const BUTTON_BASE =
  "inline-flex shrink-0 items-center justify-center gap-2 whitespace-nowrap rounded-md font-medium transition-colors select-none disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50 [&_svg]:pointer-events-none [&_svg]:shrink-0";

export const BUTTON_VARIANTS = {
  primary: "bg-primary text-primary-foreground shadow-xs hover:bg-primary-hover",
  secondary: "border border-border-strong bg-surface text-foreground shadow-xs hover:bg-accent",
  ghost: "text-foreground hover:bg-accent",
  danger: "bg-danger text-white shadow-xs hover:bg-danger-hover dark:text-background",
  "danger-ghost": "text-danger hover:bg-danger-subtle",
  link: "h-auto px-0 text-primary underline-offset-4 hover:underline",
} as const;

export const BUTTON_SIZES = {
  sm: "h-8 px-3 text-ui [&_svg]:size-3.5",
  md: "h-9 px-3.5 text-sm [&_svg]:size-4",
  lg: "h-10 px-4 text-sm [&_svg]:size-4",
  icon: "size-9 [&_svg]:size-4",
  "icon-sm": "size-8 [&_svg]:size-4",
} as const;
