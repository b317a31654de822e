import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const ZRole = z.enum(ROLES);

export const ZCredentialsSignIn = z.object({
  email: z.email("Enter a valid e-mail address").max(254).transform((e) => e.toLowerCase()),
  password: z.string().min(1, "Enter your password").max(1024),
});
export type TCredentialsSignIn = z.infer<typeof ZCredentialsSignIn>;

/** The claims Tokenward reads from an OIDC ID token / userinfo. */
export const ZOidcClaims = z.object({
  sub: z.string().min(1),
  email: z.email().transform((e) => e.toLowerCase()),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
});
