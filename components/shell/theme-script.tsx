import { THEME_INIT_SCRIPT } from "@/components/app-context/theme";

/**
 * Applies the saved theme before first paint (no flash of the wrong theme). It is the app's only
 * inline script and carries the request's CSP nonce, without which the policy would block it.
 */
export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  // suppressHydrationWarning: browsers hide the nonce attribute from the DOM after parsing.
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />;
}
