import { useRef, type KeyboardEvent, type RefObject } from "react";
import { items } from "@/components/ui/menu-context";

/**
 * The open menu's keyboard (WAI-ARIA menu pattern): arrows with wrap-around, Home/End, Tab closes
 * (focus returns to the trigger), and type-ahead: letters typed within a second jump to the next
 * item whose label starts with them.
 */
export function useMenuKeyboard(contentRef: RefObject<HTMLElement | null>, close: () => void) {
  const typed = useRef({ text: "", at: 0 });
  return (event: KeyboardEvent<HTMLElement>) => {
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
      close();
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
}
