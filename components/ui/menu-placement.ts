import type { TAlign } from "@/components/ui/menu-context";

/** Places the open menu under (or, without room, over) its trigger; fixed, in the top layer. */
export function placeMenu(content: HTMLElement, trigger: HTMLElement, align: TAlign, offset: number) {
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
  // An end-aligned menu wider than the room to its left (the bell on a phone) slides right.
  if (align === "end") {
    const overflow = 8 - content.getBoundingClientRect().left;
    if (overflow > 0) style.right = `${Math.max(8, vw - rect.right - overflow)}px`;
  }
}
