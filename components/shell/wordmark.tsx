import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { LogoMark } from "@/components/shell/logo-mark";

export function Wordmark({ className, href = "/" }: { className?: string; href?: string }) {
  return (
    <Link href={href} className={cn("inline-flex items-center gap-2 rounded-md", className)}>
      <LogoMark />
      <span className="text-[15px] font-semibold tracking-tight text-foreground">Tokenward</span>
    </Link>
  );
}
