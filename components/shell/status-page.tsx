import type { ReactNode } from "react";
import { LogoMark } from "@/components/shell/logo-mark";

/** The frame of 404 and error pages: on-brand, centred, and free of internal details. */
export function StatusPage({ code, title, description, children }: { code: string; title: string; description: ReactNode; children?: ReactNode }) {
  return (
    <main id="main-content" className="flex min-h-dvh flex-col items-center justify-center px-4 py-16 text-center">
      <LogoMark className="size-9" />
      <p className="mt-6 font-mono text-xs font-medium tracking-widest text-muted-foreground uppercase">{code}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
      <div className="mt-2 max-w-md text-sm text-muted-foreground">{description}</div>
      {children ? <div className="mt-8 flex flex-wrap items-center justify-center gap-2">{children}</div> : null}
    </main>
  );
}
