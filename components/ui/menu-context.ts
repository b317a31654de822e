import { createContext, use, type RefObject } from "react";

/** The state shared by the parts of components/ui/dropdown-menu.tsx. */

export type TAlign = "start" | "end";

export type TMenuContext = {
  id: string;
  open: boolean;
  triggerRef: RefObject<HTMLElement | null>;
  contentRef: RefObject<HTMLDivElement | null>;
  /** Set by the trigger before a keyboard open: focus the first (or last) item instead of the menu. */
  focusOnOpenRef: RefObject<"first" | "last" | null>;
  close: () => void;
  setOpen: (open: boolean) => void;
};

export const MenuContext = createContext<TMenuContext | null>(null);

export function useMenu(): TMenuContext {
  const context = use(MenuContext);
  if (!context) throw new Error("Menu parts must be inside <DropdownMenu>");
  return context;
}

export const ITEM_SELECTOR = '[role^="menuitem"]:not([aria-disabled="true"])';

export function items(content: HTMLElement | null): HTMLElement[] {
  return content ? [...content.querySelectorAll<HTMLElement>(ITEM_SELECTOR)] : [];
}

