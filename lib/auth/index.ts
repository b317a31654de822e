import "server-only";
import NextAuth from "next-auth";
import { buildAuthConfig } from "@/lib/auth/config";

// Lazy config: the environment is read on the first request, not when `next build` imports this.
export const { handlers, auth, signIn, signOut } = NextAuth(() => buildAuthConfig());
