import "server-only";
import { handlers } from "@/lib/auth";
import { guardCallbackUrl } from "@/lib/auth/callback-url-guard";
import { env } from "@/lib/env";

// Auth.js's own endpoints (sign-in callback, CSRF token, session). Public by nature; an unsafe
// callbackUrl is refused with 400 before Auth.js sees it (lib/auth/callback-url-guard.ts).
const origin = () => {
  const configured = env().AUTH_URL;
  return configured ? new URL(configured).origin : undefined;
};

export const GET = guardCallbackUrl(handlers.GET, origin);
export const POST = guardCallbackUrl(handlers.POST, origin);
