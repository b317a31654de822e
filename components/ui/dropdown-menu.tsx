"use client";

import { Check } from "lucide-react";
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from "react";
import { cn } from "@/components/ui/cn";
import { Slot } from "@/components/ui/slot";

/**
 * A menu button (WAI-ARIA menu pattern) on the browser's popover API instead of Radix: the popover
 * gives the top layer, light dismiss (outside click, Escape) and focus return for free, so this file
 * only adds roles, roving focus (arrows, Home/End, type-ahead), placement and checkable items. It is
 * part of every page's shell, where Radix's menu stack cost ~25 kB gzip of first-load JS.
 * Same API shape as the Radix wrappers it replaced.
 */

type TAlign = "start" | "end";

type TMenuContext = {
  id: string;
  open: boolean;
  triggerRef: RefObject<HTMLElement | null>;
  contentRef: RefObject<HTMLDivElement | null>;
  /** Set by the trigger before a keyboard open: focus the first (or last) item instead of the menu. */
  focusOnOpenRef: RefObject<"first" | "last" | null>;
  close: () => void;
  setOpen: (open: boolean) => void;
};

const MenuContext = createContext<TMenuContext | null>(null);

function useMenu(): TMenuContext {
  const context = use(MenuContext);
  if (!context) throw new Error("Menu parts must be inside <DropdownMenu>");
  return context;
}

const ITEM_SELECTOR = '[role^="menuitem"]:not([aria-disabled="true"])';

function items(content: HTMLElement | null): HTMLElement[] {
  return content ? [...content.querySelectorAll<HTMLElement>(ITEM_SELECTOR)] : [];
}

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

/** Places the open menu under (or, without room, over) its trigger; fixed, in the top layer. */
function place(content: HTMLElement, trigger: HTMLElement, align: TAlign, offset: number) {
  const rect = trigger.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const below = vh - rect.bottom - offset - 8;
  const above = rect.top - offset - 8;
  const up = below < 160 && above > below;
  const style = content.style;
  style.top = up ? "auto" : `${rect.bottom + offset}px`;
  style.bottom = up ? `${vh - rect.top + offset}px` : "auto";
  style.left = align === "start" ? `${Math.max(8, rect.left)}px` : "auto";
  style.right = align === "end" ? `${Math.max(8, vw - rect.right)}px` : "auto";
  style.setProperty("--menu-available-height", `${Math.max(up ? above : below, 120)}px`);
  style.maxWidth = `${vw - 16}px`;
  // A start-aligned menu wider than the room to its right slides left to stay on screen.
  if (align === "start") {
    const overflow = content.getBoundingClientRect().right - (vw - 8);
    if (overflow > 0) style.left = `${Math.max(8, rect.left - overflow)}px`;
  }
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
  const typed = useRef({ text: "", at: 0 });

  useEffect(() => {
    const content = contentRef.current;
    const trigger = triggerRef.current;
    if (!content || !trigger) return;
    const reposition = () => place(content, trigger, align, sideOffset);
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

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items(contentRef.current);
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index < 0 ? -1 : index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(-1);
    else if (event.key === "Tab") {
      event.preventDefault();
      menu.close();
    } else if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Type-ahead: letters typed within a second jump to the next item starting with them.
      const now = Date.now();
      typed.current = { text: (now - typed.current.at < 1000 ? typed.current.text : "") + event.key.toLowerCase(), at: now };
      const text = typed.current.text;
      const order = [...list.slice(index + 1), ...list.slice(0, index + 1)];
      const hit = order.find((el) => (el.textContent ?? "").trim().toLowerCase().startsWith(text));
      if (hit) {
        event.preventDefault();
        hit.focus();
      }
    }
  };

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
