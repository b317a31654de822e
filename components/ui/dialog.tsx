"use client";

import { X } from "lucide-react";
import {
  createContext,
  use,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentProps,
  type MouseEvent,
  type ReactNode,
  type RefObject,
  type SyntheticEvent,
} from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Slot } from "@/components/ui/slot";

/**
 * Modal dialogs on the native <dialog> element (showModal): the browser makes the rest of the page
 * inert, traps Tab inside, closes on Escape and paints the backdrop, so this file only wires React
 * state, labelling and focus return. It replaced Radix Dialog, whose focus-scope, scroll-lock and
 * portal stack was ~15 kB gzip of every page's first-load JS (the mobile navigation lives in the shell).
 * Content is mounted only while open, as before: forms inside start fresh each time.
 */

type TDialogContext = {
  open: boolean;
  setOpen: (open: boolean) => void;
  titleId: string;
  descriptionId: string;
  triggerRef: RefObject<HTMLElement | null>;
  /** Whether a DialogDescription is rendered (aria-describedby must point at something). */
  described: boolean;
  setDescribed: (described: boolean) => void;
};

const DialogContext = createContext<TDialogContext | null>(null);

function useDialog(): TDialogContext {
  const context = use(DialogContext);
  if (!context) throw new Error("Dialog parts must be inside <Dialog>");
  return context;
}

export function Dialog({ open: controlled, onOpenChange, children }: { open?: boolean; onOpenChange?: (open: boolean) => void; children: ReactNode }) {
  const [uncontrolled, setUncontrolled] = useState(false);
  const [described, setDescribed] = useState(false);
  const open = controlled ?? uncontrolled;
  const id = useId();
  const triggerRef = useRef<HTMLElement | null>(null);
  const setOpen = (next: boolean) => {
    if (controlled === undefined) setUncontrolled(next);
    onOpenChange?.(next);
  };
  return (
    <DialogContext value={{ open, setOpen, titleId: `${id}-title`, descriptionId: `${id}-description`, triggerRef, described, setDescribed }}>
      {children}
    </DialogContext>
  );
}

export function DialogTrigger({ asChild = false, onClick, ...props }: ComponentProps<"button"> & { asChild?: boolean }) {
  const { open, setOpen, triggerRef } = useDialog();
  const Comp = asChild ? Slot : "button";
  return (
    <Comp
      {...(asChild ? {} : { type: "button" as const })}
      {...props}
      ref={triggerRef as RefObject<HTMLButtonElement>}
      aria-haspopup="dialog"
      aria-expanded={open}
      data-state={open ? "open" : "closed"}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented) setOpen(true);
      }}
    />
  );
}

export function DialogClose({ asChild = false, onClick, ...props }: ComponentProps<"button"> & { asChild?: boolean }) {
  const { setOpen } = useDialog();
  const Comp = asChild ? Slot : "button";
  return (
    <Comp
      {...(asChild ? {} : { type: "button" as const })}
      {...props}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented) setOpen(false);
      }}
    />
  );
}

/** The <dialog> itself: opened modally on mount, focus handed back to the trigger on unmount. */
function ModalDialog({ className, children, onClick, ...props }: ComponentProps<"dialog">) {
  const { setOpen, titleId, descriptionId, described, triggerRef } = useDialog();
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(setOpen);
  useEffect(() => {
    close.current = setOpen;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const trigger = triggerRef.current;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      // Focus goes back where it came from (the trigger), as Radix did, if it is still on the page.
      const back = before?.isConnected ? before : trigger?.isConnected ? trigger : null;
      back?.focus({ preventScroll: true });
    };
  }, [triggerRef]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={described ? descriptionId : undefined}
      {...props}
      // Escape: let React state close it (and unmount the content), not the browser alone.
      onCancel={(event: SyntheticEvent<HTMLDialogElement>) => {
        event.preventDefault();
        close.current(false);
      }}
      // The browser may still close it itself (a second Escape without user activation): follow it.
      onClose={() => close.current(false)}
      onClick={(event: MouseEvent<HTMLDialogElement>) => {
        onClick?.(event);
        // A click on the backdrop targets the dialog element, outside its box.
        if (event.target !== event.currentTarget) return;
        const box = event.currentTarget.getBoundingClientRect();
        const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
        if (!inside) close.current(false);
      }}
      className={cn("text-foreground backdrop:bg-black/40 backdrop:backdrop-blur-[1px]", className)}
    >
      {children}
    </dialog>
  );
}

/** Centred modal. */
export function DialogContent({ className, children, ...props }: ComponentProps<"dialog">) {
  const { open } = useDialog();
  if (!open) return null;
  return (
    <ModalDialog
      className={cn(
        "animate-pop-in fixed top-1/2 right-auto bottom-auto left-1/2 m-0 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl border border-border bg-surface p-5 shadow-lg",
        className,
      )}
      {...props}
    >
      {children}
      <DialogCloseButton className="absolute top-3 right-3" />
    </ModalDialog>
  );
}

/** Left-edge drawer, used for navigation on narrow screens. */
export function DrawerContent({ className, children, ...props }: ComponentProps<"dialog">) {
  const { open } = useDialog();
  if (!open) return null;
  return (
    <ModalDialog
      className={cn(
        "animate-slide-in-left fixed inset-y-0 right-auto left-0 m-0 h-dvh max-h-none w-[min(18rem,85vw)] max-w-none flex-col border-r border-border bg-surface shadow-lg open:flex",
        className,
      )}
      {...props}
    >
      {children}
    </ModalDialog>
  );
}

export function DialogCloseButton({ className }: { className?: string }) {
  return (
    <DialogClose
      className={cn(
        "inline-flex size-8 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-foreground",
        className,
      )}
      aria-label="Close"
    >
      <X aria-hidden className="size-4" />
    </DialogClose>
  );
}

export function DialogTitle({ className, ...props }: ComponentProps<"h2">) {
  const { titleId } = useDialog();
  return <h2 id={titleId} className={cn("text-base font-semibold tracking-tight", className)} {...props} />;
}

export function DialogDescription({ className, ...props }: ComponentProps<"p">) {
  const { descriptionId, setDescribed } = useDialog();
  useEffect(() => {
    setDescribed(true);
    return () => setDescribed(false);
  }, [setDescribed]);
  return <p id={descriptionId} className={cn("mt-1 text-sm text-muted-foreground", className)} {...props} />;
}

type TDialogActionsProps = {
  label: ReactNode;
  /** Shown on the action while it runs ("Saving…"), when it is also disabled. */
  pendingLabel: string;
  pending: boolean;
  variant?: "primary" | "danger" | "secondary";
  /** Without it the action submits the dialog's form. */
  onClick?: () => void;
  disabled?: boolean;
  testId?: string;
  className?: string;
};

/** A dialog's footer: Cancel, which closes it, and its one action. */
export function DialogActions({ label, pendingLabel, pending, variant = "primary", onClick, disabled, testId, className }: TDialogActionsProps) {
  return (
    <div className={cn("flex justify-end gap-2", className)}>
      <DialogClose asChild>
        <Button variant="secondary">Cancel</Button>
      </DialogClose>
      <Button type={onClick ? "button" : "submit"} variant={variant} disabled={pending || disabled} onClick={onClick} data-testid={testId}>
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}
