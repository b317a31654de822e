"use client";

import { Check } from "lucide-react";
import { createContext, use, useCallback, useEffect, useId, useRef, useState, type ComponentProps, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from "react";
import { cn } from "@/components/ui/cn";
import { ITEM_SELECTOR, items, MenuContext, useMenu, type TAlign } from "@/components/ui/menu-context";
import { placeMenu } from "@/components/ui/menu-placement";
import { Slot } from "@/components/ui/slot";
import { useMenuKeyboard } from "@/components/ui/use-menu-keyboard";

/**
 * A menu button (WAI-ARIA menu pattern) on the browser's popover API instead of Radix: the popover
 * gives the top layer, light dismiss (outside click, Escape) and focus return for free, so this file
 * only adds roles, roving focus (arrows, Home/End, type-ahead: use-menu-keyboard.ts), placement
 * (menu-placement.ts) and checkable items. It is
 * part of every page's shell, where Radix's menu stack cost ~25 kB gzip of first-load JS.
 * Same API shape as the Radix wrappers it replaced.
 */

export function DropdownMenu({ children }: { children: ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLElement | null>(null);
  const contentRef = useRef<HTMLDivElement | null>(null);
  const focusOnOpenRef = useRef<"first" | "last" | null>(null);
  const close = useCallback(() => {
    const content = contentRef.current;
    if (content?.matches(":popover-open")) content.hidePopover();
  }, []);
  return <MenuContext value={{ id, open, triggerRef, contentRef, focusOnOpenRef, close, setOpen }}>{children}</MenuContext>;
}

export function DropdownMenuTrigger({ asChild = false, onKeyDown, ...props }: ComponentProps<"button"> & { asChild?: boolean }) {
  const { id, open, triggerRef, contentRef, focusOnOpenRef } = useMenu();
  const Comp = asChild ? Slot : "button";
  return (
    <Comp
      {...(asChild ? {} : { type: "button" as const })}
      {...props}
      ref={triggerRef as RefObject<HTMLButtonElement>}
      id={`${id}-trigger`}
      popoverTarget={`${id}-menu`}
      aria-haspopup="menu"
      aria-expanded={open}
      aria-controls={`${id}-menu`}
      data-state={open ? "open" : "closed"}
      onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => {
        onKeyDown?.(event);
        if (event.defaultPrevented) return;
        // Keyboard opens land on an item, as the ARIA pattern asks; pointer opens on the menu itself.
        if (event.key === "Enter" || event.key === " " || event.key === "ArrowDown" || event.key === "ArrowUp") {
          focusOnOpenRef.current = event.key === "ArrowUp" ? "last" : "first";
        }
        if ((event.key === "ArrowDown" || event.key === "ArrowUp") && !open) {
          event.preventDefault();
          contentRef.current?.showPopover();
        }
      }}
    />
  );
}

export function DropdownMenuContent({
  className,
  sideOffset = 6,
  align = "end",
  children,
  ...props
}: Omit<ComponentProps<"div">, "popover"> & { sideOffset?: number; align?: TAlign }) {
  const menu = useMenu();
  const { id, triggerRef, contentRef, focusOnOpenRef, setOpen } = menu;

  useEffect(() => {
    const content = contentRef.current;
    const trigger = triggerRef.current;
    if (!content || !trigger) return;
    const reposition = () => placeMenu(content, trigger, align, sideOffset);
    const onBeforeToggle = (event: Event) => {
      if ((event as ToggleEvent).newState === "open") reposition();
    };
    const onToggle = (event: Event) => {
      const opened = (event as ToggleEvent).newState === "open";
      setOpen(opened);
      if (opened) {
        reposition();
        const first = focusOnOpenRef.current;
        focusOnOpenRef.current = null;
        const list = items(content);
        const target = first === "last" ? list.at(-1) : first === "first" ? list[0] : undefined;
        (target ?? content).focus({ preventScroll: true });
        window.addEventListener("resize", reposition);
        window.addEventListener("scroll", reposition, true);
      } else {
        window.removeEventListener("resize", reposition);
        window.removeEventListener("scroll", reposition, true);
        // Closed from inside (select, Escape, Tab): focus goes back to the trigger. An outside click
        // keeps the focus where the click put it.
        const active = document.activeElement;
        if (!active || active === document.body || content.contains(active)) trigger.focus({ preventScroll: true });
      }
    };
    content.addEventListener("beforetoggle", onBeforeToggle);
    content.addEventListener("toggle", onToggle);
    return () => {
      content.removeEventListener("beforetoggle", onBeforeToggle);
      content.removeEventListener("toggle", onToggle);
      window.removeEventListener("resize", reposition);
      window.removeEventListener("scroll", reposition, true);
    };
  }, [align, sideOffset, contentRef, triggerRef, focusOnOpenRef, setOpen]);

  const onKeyDown = useMenuKeyboard(contentRef, menu.close);

  return (
    <div
      {...props}
      ref={contentRef}
      id={`${id}-menu`}
      popover="auto"
      role="menu"
      aria-labelledby={`${id}-trigger`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      // Pointer highlight follows the mouse (as focus, so keyboard and mouse share one highlight).
      onPointerMove={(event) => {
        const item = (event.target as HTMLElement).closest<HTMLElement>(ITEM_SELECTOR);
        if (item && item !== document.activeElement) item.focus({ preventScroll: true });
      }}
      onPointerLeave={() => contentRef.current?.focus({ preventScroll: true })}
      className={cn(
        "animate-pop-in fixed m-0 min-w-44 overflow-hidden rounded-lg border border-border bg-surface p-1 text-foreground shadow-lg outline-none",
        className,
      )}
    >
      {children}
    </div>
  );
}

const itemClassName =
  "relative flex h-8 w-full cursor-default items-center gap-2 rounded-md px-2 text-left text-ui outline-none select-none focus:bg-accent aria-disabled:pointer-events-none aria-disabled:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground";

type TItemProps = Omit<ComponentProps<"div">, "onSelect"> & {
  asChild?: boolean;
  disabled?: boolean;
  /** Runs on click, Enter and Space; call event.preventDefault() to keep the menu open. */
  onSelect?: (event: Event) => void;
};

/** Shared item behaviour: roving tabindex, activation by Enter/Space, close after select. */
function MenuItemBase({ asChild = false, disabled, onSelect, onClick, onKeyDown, role = "menuitem", ...props }: TItemProps) {
  const { close } = useMenu();
  const Comp = asChild ? Slot : "div";
  return (
    <Comp
      role={role}
      tabIndex={-1}
      aria-disabled={disabled || undefined}
      {...props}
      onClick={(event: MouseEvent<HTMLDivElement>) => {
        onClick?.(event);
        if (disabled) return;
        const select = new Event("menu.select", { cancelable: true });
        onSelect?.(select);
        if (!select.defaultPrevented) close();
      }}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        onKeyDown?.(event);
        if (event.defaultPrevented || (event.key !== "Enter" && event.key !== " ")) return;
        // Links activate on Enter by themselves; everything else (and Space) is a click.
        if (event.key === "Enter" && event.currentTarget instanceof HTMLAnchorElement) return;
        event.preventDefault();
        event.currentTarget.click();
      }}
    />
  );
}

export function DropdownMenuItem({ className, ...props }: TItemProps) {
  return <MenuItemBase className={cn(itemClassName, className)} {...props} />;
}

export function DropdownMenuGroup(props: ComponentProps<"div">) {
  return <div role="group" {...props} />;
}

const RadioContext = createContext<{ value: string; onValueChange: (value: string) => void } | null>(null);

export function DropdownMenuRadioGroup({ value, onValueChange, ...props }: Omit<ComponentProps<"div">, "onChange"> & { value: string; onValueChange: (value: string) => void }) {
  return (
    <RadioContext value={{ value, onValueChange }}>
      <div role="group" {...props} />
    </RadioContext>
  );
}

export function DropdownMenuRadioItem({ className, children, value, ...props }: TItemProps & { value: string }) {
  const group = use(RadioContext);
  const checked = group?.value === value;
  return (
    <MenuItemBase
      role="menuitemradio"
      aria-checked={checked}
      className={cn(itemClassName, "pr-8", className)}
      {...props}
      onSelect={(event) => {
        props.onSelect?.(event);
        group?.onValueChange(value);
      }}
    >
      {children}
      {checked ? (
        <span className="absolute right-2 flex items-center">
          <Check aria-hidden className="size-4 text-primary!" />
        </span>
      ) : null}
    </MenuItemBase>
  );
}

/** A checkbox item; the indicator sits in the left gutter (the caller's classes leave room for it). */
export function DropdownMenuCheckboxItem({
  className,
  children,
  checked,
  onCheckedChange,
  ...props
}: TItemProps & { checked: boolean; onCheckedChange: (checked: boolean) => void }) {
  return (
    <MenuItemBase
      role="menuitemcheckbox"
      aria-checked={checked}
      className={className}
      {...props}
      onSelect={(event) => {
        props.onSelect?.(event);
        onCheckedChange(!checked);
      }}
    >
      {checked ? (
        <span className="absolute left-2 flex items-center">
          <Check aria-hidden className="size-4 text-primary" />
        </span>
      ) : null}
      {children}
    </MenuItemBase>
  );
}

export function DropdownMenuLabel({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("px-2 py-1.5 text-xs font-medium text-muted-foreground", className)} {...props} />;
}

export function DropdownMenuSeparator({ className, ...props }: ComponentProps<"div">) {
  return <div role="separator" className={cn("-mx-1 my-1 h-px bg-border", className)} {...props} />;
}
