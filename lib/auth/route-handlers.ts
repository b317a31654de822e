import "server-only";
import { handlers } from "@/lib/auth";

// Auth.js's own endpoints (sign-in callback, CSRF token, session). Public by nature.
export const { GET, POST } = handlers;
