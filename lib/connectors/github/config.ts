import { createPrivateKey } from "node:crypto";
import { z } from "zod";
import type { TConnectorContext } from "../contract";

/**
 * A GitHub organisation reached as a GitHub App: the org's login, the App's id, optionally the
 * installation's id (else found with GET /orgs/{org}/installation), and the API base URL
 * (https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server). The secret is
 * the App's private key, exactly as GitHub generated it.
 */

// GitHub logins: letters, digits and single hyphens, not at either end, at most 39 characters.
const LOGIN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;

const positiveId = (what: string) =>
  z.union([z.number().int().positive(), z.string().trim().regex(/^\d{1,15}$/, `The ${what} is a number`).transform(Number)], { error: `The ${what} is a number` });

export const ZGithubConfig = z.object({
  org: z.string("The organization login is required").trim().regex(LOGIN, "An organization login, as in github.com/<org>").meta({ title: "Organization", description: "The organization's login (github.com/<org>); the App must be installed on it." }),
  appId: positiveId("App ID").meta({ title: "App ID", description: "On the App's settings page (not the client id)." }),
  installationId: positiveId("installation id")
    .optional()
    .meta({ title: "Installation id", description: "Leave empty to use the App's installation on the organization (GET /orgs/{org}/installation)." }),
  apiBaseUrl: z
    .url("The API URL must be a URL")
    .refine((u) => /^https?:\/\//.test(u), "The API URL must be http(s)")
    .default("https://api.github.com")
    .transform((u) => u.replace(/\/+$/, ""))
    .meta({ title: "API URL", description: "https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server." }),
});

/** PEM as pasted; a key kept in an environment variable often arrives with literal "\n". */
const normalisePem = (text: string) => text.replace(/\\n/g, "\n").trim();

function isRsaPrivateKey(text: string): boolean {
  try {
    return createPrivateKey({ key: normalisePem(text), format: "pem" }).asymmetricKeyType === "rsa";
  } catch {
    return false;
  }
}

export const ZGithubSecret = z.object({
  privateKey: z
    .string("The App's private key is required")
    .min(1, "The App's private key is required")
    .max(16_000)
    .refine(isRsaPrivateKey, "Not an unencrypted RSA private key in PEM form: paste the .pem file GitHub generated for the App (-----BEGIN RSA PRIVATE KEY-----…)")
    .transform(normalisePem)
    .meta({ title: "App private key (PEM)", description: "The .pem file generated under the App's settings → Private keys.", widget: "textarea" }),
});

export type TGithubConfig = z.infer<typeof ZGithubConfig>;
export type TGithubSecret = z.infer<typeof ZGithubSecret>;
export type TGithubCtx = TConnectorContext<TGithubConfig, TGithubSecret>;
