"use client";

import { createContext, use, useCallback, useEffect, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { isTheme, THEME_STORAGE_KEY, type TTheme } from "@/components/app-context/theme";

type TThemeContext = { theme: TTheme; setTheme: (theme: TTheme) => void };

const ThemeContext = createContext<TThemeContext | null>(null);
const DARK_QUERY = "(prefers-color-scheme: dark)";

// localStorage is the store; this set lets same-tab writes notify subscribers ("storage" events
// only fire in *other* tabs).
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    applyTheme(readStoredTheme());
    listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

function readStoredTheme(): TTheme {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return isTheme(stored) ? stored : "system";
  } catch {
    return "system";
  }
}

function applyTheme(theme: TTheme): void {
  const dark = theme === "dark" || (theme === "system" && window.matchMedia(DARK_QUERY).matches);
  document.documentElement.classList.toggle("dark", dark);
}

/**
 * Owns the theme choice after hydration. The inline script in <head> already applied the class before
 * paint; this keeps it in sync with the menu, the OS setting and other tabs.
 */
export function ThemeProvider({ children }: { children: ReactNode }) {
  // Server snapshot "system" keeps hydration consistent; the stored value takes over right after.
  const theme = useSyncExternalStore(subscribe, readStoredTheme, () => "system" as const);

  useEffect(() => {
    // Re-apply from storage (not from `theme`, which is still the server snapshot on the first pass):
    // a no-op after the pre-paint script, but needed when React rendered the document on the client
    // (after a server error), where that inline script never runs.
    applyTheme(readStoredTheme());
    const media = window.matchMedia(DARK_QUERY);
    const onChange = () => {
      if (readStoredTheme() === "system") applyTheme("system");
    };
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, []);

  const setTheme = useCallback((next: TTheme) => {
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage unavailable (private mode, policy): the choice lasts for this page only.
    }
    applyTheme(next);
    for (const listener of listeners) listener();
  }, []);

  const value = useMemo(() => ({ theme, setTheme }), [theme, setTheme]);
  return <ThemeContext value={value}>{children}</ThemeContext>;
}

export function useTheme(): TThemeContext {
  const context = use(ThemeContext);
  if (!context) throw new Error("useTheme must be used inside <ThemeProvider>");
  return context;
}
