import type { CredentialKind } from "@/lib/generated/prisma/client";
import type { TProviderKey } from "@/lib/seed/catalog-providers";
import type { TRng } from "@/lib/seed/prng";

/**
 * Scopes as each provider spells them, so the over-privilege factor has real material: most grants
 * are narrow, a minority carry admin / write / wildcard rights.
 */

type TPool = { narrow: readonly string[]; broad: readonly string[]; broadShare: number; max: number };

const GITHUB_CLASSIC: TPool = {
  narrow: ["repo", "read:org", "read:user", "user:email", "read:packages", "gist", "workflow"],
  broad: ["admin:org", "delete_repo", "write:packages", "admin:repo_hook", "admin:org_hook"],
  broadShare: 0.2, max: 5,
};
// Fine-grained PATs and app installation tokens grant per-permission access.
const GITHUB_FINE: TPool = {
  narrow: ["metadata:read", "contents:read", "issues:read", "pull_requests:read", "issues:write", "pull_requests:write", "checks:write", "statuses:read"],
  broad: ["contents:write", "administration:write", "actions:write", "secrets:write", "members:write", "workflows:write"],
  broadShare: 0.3, max: 5,
};
const GITHUB_OAUTH: TPool = { narrow: ["read:user", "user:email", "read:org", "repo"], broad: ["admin:org", "write:org"], broadShare: 0.1, max: 3 };
const SSO: TPool = {
  narrow: ["openid", "profile", "email", "tickets:read", "docs:read", "mcp:tools", "billing:read", "orders:read"],
  broad: ["tickets:write", "orders:write", "billing:write", "admin", "*"],
  broadShare: 0.15, max: 4,
};
const AWS: TPool = {
  narrow: ["s3:GetObject", "s3:ListBucket", "ec2:DescribeInstances", "logs:PutLogEvents", "dynamodb:Query", "sqs:SendMessage", "kms:Decrypt", "sts:AssumeRole"],
  broad: ["iam:*", "s3:*", "s3:PutObject", "ec2:*", "kms:*", "*"],
  broadShare: 0.25, max: 4,
};
const ATLASSIAN: TPool = {
  narrow: ["read:jira-work", "read:jira-user", "read:confluence-content.all", "read:confluence-space.summary"],
  broad: ["write:jira-work", "manage:jira-project", "manage:jira-configuration", "write:confluence-content"],
  broadShare: 0.35, max: 3,
};
const SLACK: TPool = {
  narrow: ["chat:write", "channels:read", "users:read", "reactions:write", "im:history", "groups:read"],
  broad: ["channels:history", "files:write", "admin", "channels:manage", "users:read.email"],
  broadShare: 0.2, max: 4,
};
const DATABASE: TPool = { narrow: ["SELECT", "CONNECT"], broad: ["INSERT", "UPDATE", "DELETE", "ALL PRIVILEGES", "pg_read_all_data"], broadShare: 0.4, max: 3 };
const STRIPE: TPool = { narrow: ["charges:read", "customers:read", "invoices:read", "balance:read"], broad: ["refunds:write", "payouts:write", "*"], broadShare: 0.3, max: 3 };
const OPENAI: TPool = { narrow: ["api.model.request", "api.files.read", "api.model.read"], broad: ["api.files.write", "api.fine_tuning.write", "*"], broadShare: 0.35, max: 2 };

/** Every pool by the provider it is drawn for: the scope catalogue's tests classify them all. */
export const SCOPE_POOLS: Readonly<Record<TProviderKey, readonly TPool[]>> = {
  github: [GITHUB_CLASSIC, GITHUB_FINE, GITHUB_OAUTH], oauth: [SSO], aws_prod: [AWS], aws_sandbox: [AWS], atlassian: [ATLASSIAN],
  slack: [SLACK], orders_db: [DATABASE], stripe: [STRIPE], openai: [OPENAI],
};

function poolFor(provider: TProviderKey, kind: CredentialKind, rng: TRng): TPool {
  switch (provider) {
    case "github":
      if (kind === "oauth_access_token") return GITHUB_OAUTH;
      // About a third of GitHub PATs in a typical org are still classic tokens.
      return kind === "pat" && rng.chance(0.35) ? GITHUB_CLASSIC : GITHUB_FINE;
    case "oauth": return SSO;
    case "aws_prod": case "aws_sandbox": return AWS;
    case "atlassian": return ATLASSIAN;
    case "slack": return SLACK;
    case "orders_db": return DATABASE;
    case "stripe": return STRIPE;
    case "openai": return OPENAI;
  }
}

export function pickScopes(provider: TProviderKey, kind: CredentialKind, rng: TRng): string[] {
  const pool = poolFor(provider, kind, rng);
  const count = rng.int(1, pool.max);
  const scopes = rng.sample(pool.narrow, count);
  if (rng.chance(pool.broadShare)) scopes.push(...rng.sample(pool.broad, rng.int(1, 2)));
  if (kind === "oauth_refresh_token" && !scopes.includes("offline_access")) scopes.push("offline_access");
  return [...new Set(scopes)];
}
