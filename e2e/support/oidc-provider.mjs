// A real, certified OpenID Provider (node-oidc-provider) on loopback, for the SSO e2e tests.
// Its built-in dev login accepts any password; accounts and their groups are below.
import Provider from "oidc-provider";
import { APP_URL, OIDC_PORT } from "./e2e-env.mjs";

const port = OIDC_PORT;
const appUrl = APP_URL;
const issuer = `http://127.0.0.1:${port}`;

/** login → groups. "sso-outsider" is in no mapped group and must be refused by Tokenward. */
const ACCOUNTS = {
  "sso-admin": ["tw-admins"],
  "sso-security": ["tw-security", "everyone"],
  "sso-auditor": ["tw-auditors"],
  "sso-outsider": ["marketing"],
  // An IdP account that claims the seeded admin's e-mail without the IdP having verified it: an
  // account-takeover attempt Tokenward must refuse.
  "sso-impostor": ["tw-admins"],
};

/** Accounts whose claims differ from `<login>@idp.test`, verified. */
const OVERRIDES = { "sso-impostor": { email: "owner@tokenward.local", email_verified: false } };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "tokenward-e2e",
      client_secret: "tokenward-e2e-secret-not-for-production",
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  pkce: { required: () => true },
  cookies: { keys: ["tokenward-e2e-cookie-key"] },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
  // Put the requested claims in the ID token, which Auth.js reads (as most IdPs do by default).
  conformIdTokenClaims: false,
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: `${id}@idp.test`, email_verified: true, name: id.replace("sso-", "SSO "), groups: ACCOUNTS[id] ?? [], ...OVERRIDES[id] }),
  }),
});

provider.listen(port, "127.0.0.1", () => {
  process.stdout.write(`oidc-provider listening on ${issuer}\n`);
});
