"use client";

import { useEffect, useState } from "react";
import { formatCountdown } from "@/components/inventory/format";

/** Live time left until (or since) an instant, ticking every second. */
export function Countdown({ to, serverNow }: { to: string; serverNow: number }) {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = new Date(to).getTime() - now;
  return (
    <span className={left < 0 ? "text-warning" : undefined} suppressHydrationWarning data-testid="expiry-countdown">
      {left < 0 ? `expired ${formatCountdown(left)} ago` : `${formatCountdown(left)} left`}
    </span>
  );
}
