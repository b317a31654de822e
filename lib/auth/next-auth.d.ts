import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** users.session_version when the session began: a role change or (de)activation ends the session. */
    sv?: number;
    /** When the user signed in (epoch ms), for the absolute lifetime; Auth.js re-stamps `iat` on every refresh. */
    sat?: number;
  }
}
