"use client";

import { useEffect } from "react";
import { THEME_STORAGE_KEY } from "@/components/app-context/theme";
import { ErrorReference } from "@/components/shell/error-details";
import { StatusPage } from "@/components/shell/status-page";
import { BUTTON_BASE, BUTTON_SIZES, BUTTON_VARIANTS } from "@/components/ui/button-styles";
import "./globals.css";

// `<Button variant=… />`'s classes without class-variance-authority or `cn`: this page is loaded
// with every page, so it imports nothing it can do without (no icon library, no class merger).
const button = (variant: "primary" | "secondary") => `${BUTTON_BASE} ${BUTTON_VARIANTS[variant]} ${BUTTON_SIZES.md}`;

/**
 * Replaces the root layout when it fails, so it brings its own document, styles and theme (the
 * pre-paint script is gone with the layout; applying the theme after mount is acceptable here).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    try {
      const stored = localStorage.getItem(THEME_STORAGE_KEY);
      const dark = stored === "dark" || (stored !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
      document.documentElement.classList.toggle("dark", dark);
    } catch {
      // Storage unavailable: light theme.
    }
  }, []);

  return (
    <html lang="en">
      <body className="min-h-dvh">
        <title>Error · Tokenward</title>
        <StatusPage
          code="Error"
          title="Tokenward is having trouble"
          description={
            <>
              The application could not load. The problem has been logged. Try again in a moment; if it persists, send the
              reference below to your administrator.
              <ErrorReference error={error} />
            </>
          }
        >
          <button type="button" className={button("primary")} onClick={() => retry()}>
            Try again
          </button>
          {/* A full page load: the client router itself may be what failed. */}
          <button type="button" className={button("secondary")} onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </StatusPage>
      </body>
    </html>
  );
}
