import { z } from "zod";

/** GitHub's REST answers: only the fields this connector reads (OpenAPI names in comments). */

// GitHub writes both "2024-01-01T00:00:00Z" and "2023-05-16T08:47:09.000-07:00".
const ZDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const ZPermissionMap = z.record(z.string(), z.string());

/** integration (GET /app) */
export const ZApp = z.object({ id: z.number().int(), slug: z.string().optional(), name: z.string() });

/** installation (GET /orgs/{org}/installation, GET /app/installations/{id}) */
export const ZInstallation = z.object({
  id: z.number().int(),
  app_slug: z.string(),
  account: z.object({ login: z.string() }).nullable(),
  target_type: z.string(),
  permissions: ZPermissionMap,
  repository_selection: z.enum(["all", "selected"]),
  suspended_at: z.string().nullable().optional(),
});
export type TInstallation = z.infer<typeof ZInstallation>;

/** installation-token (POST /app/installations/{id}/access_tokens) */
export const ZInstallationToken = z.object({
  token: z.string().min(1),
  expires_at: ZDate,
  permissions: ZPermissionMap.optional(),
  repository_selection: z.enum(["all", "selected"]).optional(),
  repositories: z.array(z.object({ name: z.string(), full_name: z.string() })).optional(),
});

/** GET /installation/repositories */
export const ZInstallationRepositories = z.object({
  total_count: z.number().int(),
  repository_selection: z.string().optional(),
  repositories: z.array(z.object({ full_name: z.string() })),
});

const ZOwner = z.object({ login: z.string(), id: z.number().int(), email: z.string().nullable().optional() });
const ZGrouped = z.object({ organization: ZPermissionMap.optional(), repository: ZPermissionMap.optional(), other: ZPermissionMap.optional() });

/** organization-programmatic-access-grant (GET /orgs/{org}/personal-access-tokens) */
export const ZPatGrant = z.object({
  id: z.number().int(),
  owner: ZOwner,
  repository_selection: z.enum(["none", "all", "subset"]),
  permissions: ZGrouped,
  access_granted_at: ZDate,
  token_id: z.number().int(),
  token_name: z.string(),
  token_expired: z.boolean(),
  token_expires_at: ZDate.nullable(),
  token_last_used_at: ZDate.nullable(),
});
export type TPatGrant = z.infer<typeof ZPatGrant>;

/** organization-programmatic-access-grant-request (GET /orgs/{org}/personal-access-token-requests) */
export const ZPatRequest = ZPatGrant.omit({ id: true, access_granted_at: true }).extend({
  id: z.number().int(),
  reason: z.string().nullable(),
  created_at: ZDate,
});
export type TPatRequest = z.infer<typeof ZPatRequest>;
