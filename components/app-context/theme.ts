/**
 * Theme constants shared by the pre-paint script (a string, runs before React) and the React
 * provider, so both agree on the storage key and on how "system" resolves.
 */
export const THEME_STORAGE_KEY = "tokenward-theme";
export const THEMES = ["light", "dark", "system"] as const;
export type TTheme = (typeof THEMES)[number];

export function isTheme(value: unknown): value is TTheme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value);
}

/** Kept tiny and dependency-free: it is inlined into <head> and must not throw (private mode etc.). */
export const THEME_INIT_SCRIPT = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=t==="dark"||(t!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;
