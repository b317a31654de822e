/**
 * Auth.js redirects back with ?error=<code>. Only these known codes are shown, each with a message
 * that says what to do; anything else gets a generic line (the code itself may be attacker-chosen).
 */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "E-mail or password is incorrect.",
  NoRole: "Your SSO account has no Tokenward role. Ask an admin to map your group.",
  Deactivated: "This account is deactivated. Ask an admin to reactivate it.",
  UnverifiedEmail: "Your IdP has not verified this e-mail address, so it cannot be linked to a Tokenward account. Verify it with your IdP, or ask an admin.",
  EmailTaken: "This e-mail address is already linked to a different SSO account. Ask an admin.",
  AccessDenied: "Access denied. Your account is not allowed to sign in to Tokenward.",
  Configuration: "Sign-in is not configured correctly on the server. Ask an admin to check the authentication settings.",
};

export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? "Sign-in failed. Try again, or ask an admin if it keeps happening.";
}
