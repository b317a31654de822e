import { z } from "zod";

/**
 * The only place that reads process.env. Parsed lazily (first call) so `next build`, which
 * imports route modules, does not need runtime secrets.
 */

const ZBooleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const ZRole = z.enum(["admin", "security", "owner", "auditor"]);

export const ZEnv = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    TOKENWARD_DATA_DIR: z.string().min(1).default(".data/pglite"),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    AUTH_URL: z.url().optional(),
    TOKENWARD_LOCAL_LOGIN: ZBooleanFlag,
    AUTH_OIDC_ISSUER: z.url().optional(),
    AUTH_OIDC_CLIENT_ID: z.string().min(1).optional(),
    AUTH_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    AUTH_OIDC_NAME: z.string().min(1).default("SSO"),
    AUTH_OIDC_ROLE_CLAIM: z.string().min(1).default("groups"),
    /** "group=role,group=role": which IdP group grants which Tokenward role. */
    AUTH_OIDC_ROLE_MAP: z
      .string()
      .default("")
      .transform((raw, ctx) => {
        const map = new Map<string, z.infer<typeof ZRole>>();
        for (const pair of raw.split(",").map((p) => p.trim()).filter(Boolean)) {
          const [group, role] = pair.split("=").map((s) => s?.trim());
          const parsed = ZRole.safeParse(role);
          if (!group || !parsed.success) {
            ctx.addIssue({ code: "custom", message: `AUTH_OIDC_ROLE_MAP entry "${pair}" must be group=admin|security|owner|auditor` });
            return z.NEVER;
          }
          map.set(group, parsed.data);
        }
        return map;
      }),
    /** Role for an SSO user none of whose groups is mapped. Unset: such users are refused. */
    AUTH_OIDC_DEFAULT_ROLE: ZRole.optional().or(z.literal("").transform(() => undefined)),
    /** Splits a string group claim (e.g. ","). Unset: a string claim is one group; array claims are never split. */
    AUTH_OIDC_GROUPS_DELIMITER: z.string().optional().transform((v) => (v ? v : undefined)),
    /** Background jobs (lib/jobs): "inline" runs the worker inside the app process; "off" leaves jobs to a separate worker. */
    TOKENWARD_WORKER: z.enum(["inline", "off"], { error: "TOKENWARD_WORKER must be inline or off" }).default("inline"),
    /** Cap on one SQL statement of the app's request connections (ms; 0 = none): a costly filter fails fast with TIMEOUT. */
    TOKENWARD_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
    /** Inventory list + count API requests per user per minute (lib/inventory/routes.ts). */
    TOKENWARD_INVENTORY_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(300),
    /** Requests per API key per minute, on every route a key may call (lib/api-keys). */
    TOKENWARD_API_KEY_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** How many reverse proxies in front of the app append to X-Forwarded-For (0: the header is ignored). */
    TOKENWARD_TRUSTED_PROXIES: z.coerce.number().int("TOKENWARD_TRUSTED_PROXIES must be a whole number").min(0).max(10).default(0),
    /** Where rate-limit counts live: this process ("memory") or the database, shared by every instance ("postgres"). */
    TOKENWARD_RATE_LIMIT_STORE: z.enum(["memory", "postgres"], { error: "TOKENWARD_RATE_LIMIT_STORE must be memory or postgres" }).default("memory"),
    /** Absolute session lifetime: a session signed in longer ago than this is signed out, however active. */
    TOKENWARD_SESSION_MAX_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
    /**
     * E-mail notices (lib/notifications/services/send-email-notices.ts): smtp:// or smtps:// URL of a
     * relay, credentials in its userinfo. Unset = in-app notices only.
     */
    TOKENWARD_SMTP_URL: z
      .url("TOKENWARD_SMTP_URL must be an smtp:// or smtps:// URL")
      .refine((u) => /^smtps?:\/\//.test(u), "TOKENWARD_SMTP_URL must be an smtp:// or smtps:// URL")
      .optional(),
    TOKENWARD_MAIL_FROM: z.string().min(3).max(200).default("Tokenward <tokenward@localhost>"),
    /** Workflows: a request not approved within this many hours expires. */
    TOKENWARD_APPROVAL_HOURS: z.coerce.number().positive().max(24 * 90).default(72),
    /** Workflows: a newly issued secret not revealed (or delivered) within this many hours is destroyed unrevealed. */
    TOKENWARD_SECRET_REVEAL_HOURS: z.coerce.number().positive().max(24 * 30).default(24),
    /** Workflows: attempts of one provider step on retryable errors (backing off exponentially) before it fails. */
    TOKENWARD_STEP_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    /** Set by `npm run demo`: the sign-in page says where the demo logins are. */
    TOKENWARD_DEMO: ZBooleanFlag,
    /** Ed25519 private key (PKCS8 PEM or base64 DER) that signs audit checkpoints; never stored in the database. */
    TOKENWARD_AUDIT_SIGNING_KEY: z.string().optional().or(z.literal("").transform(() => undefined)),
    /** Id recorded with each checkpoint; default: the key's fingerprint. */
    TOKENWARD_AUDIT_KEY_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "TOKENWARD_AUDIT_KEY_ID: 1-64 of A-Z a-z 0-9 . _ -").optional().or(z.literal("").transform(() => undefined)),
    /** Retired keys that still verify old checkpoints: "keyId=base64 SPKI DER,…". */
    TOKENWARD_AUDIT_VERIFY_KEYS: z.string().default(""),
    TOKENWARD_AUDIT_CHECKPOINT_EVERY: z.coerce.number().int().min(1).max(1_000_000).default(100),
    /** Production refuses to start without a signing key unless this is set (the UI then says "unsigned"). */
    TOKENWARD_AUDIT_ALLOW_UNSIGNED: ZBooleanFlag,
    /**
     * Keys that encrypt connector secrets at rest (AES-256-GCM): "id:base64-32-bytes,…". The first
     * encrypts; the others still decrypt until `npm run keys:rotate` has re-encrypted everything.
     */
    TOKENWARD_CONNECTOR_KEYS: z
      .string()
      .default("")
      .transform((raw, ctx) => {
        const keys: { id: string; key: Buffer }[] = [];
        for (const entry of raw.split(",").map((e) => e.trim()).filter(Boolean)) {
          const sep = entry.indexOf(":");
          const id = sep > 0 ? entry.slice(0, sep) : "";
          const key = Buffer.from(sep > 0 ? entry.slice(sep + 1) : "", "base64");
          if (!/^[A-Za-z0-9._-]{1,32}$/.test(id) || key.length !== 32) {
            ctx.addIssue({ code: "custom", message: `TOKENWARD_CONNECTOR_KEYS entry "${id || entry.slice(0, 8)}…" must be id:base64 of 32 bytes (id: 1-32 of A-Z a-z 0-9 . _ -)` });
            return z.NEVER;
          }
          if (keys.some((k) => k.id === id)) {
            ctx.addIssue({ code: "custom", message: `TOKENWARD_CONNECTOR_KEYS names key "${id}" twice` });
            return z.NEVER;
          }
          keys.push({ id, key });
        }
        return keys;
      }),
    /**
     * Usage hops kept, in whole months before the current one (lib/usage/services/maintain-usage-partitions.ts):
     * the daily usage.partitions job drops monthly partitions that ended before then. The current month is never dropped.
     */
    TOKENWARD_USAGE_RETENTION_MONTHS: z.coerce.number().int("TOKENWARD_USAGE_RETENTION_MONTHS must be a whole number of months").min(1).max(120).default(13),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.TOKENWARD_AUDIT_SIGNING_KEY && !env.TOKENWARD_AUDIT_ALLOW_UNSIGNED) {
      ctx.addIssue({
        code: "custom",
        path: ["TOKENWARD_AUDIT_SIGNING_KEY"],
        message: "production needs an audit signing key (`npm run audit:keys -- generate`), or TOKENWARD_AUDIT_ALLOW_UNSIGNED=true to run with an unsigned chain",
      });
    }
    const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_CLIENT_ID, env.AUTH_OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_OIDC_ISSUER"],
        message: "SSO needs all of AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET",
      });
    }
  });

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function isOidcEnabled(e: TEnv = env()): boolean {
  return Boolean(e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_CLIENT_ID && e.AUTH_OIDC_CLIENT_SECRET);
}
