import type { ExposureLocation } from "@/lib/generated/prisma/client";
import type { TCredentialPlan } from "@/lib/seed/build-credentials";
import { fingerprintOf } from "@/lib/seed/fake-secrets";
import type { TRng } from "@/lib/seed/prng";
import { between, DAY, recentBetween } from "@/lib/seed/time";
import { uuidV7 } from "@/lib/seed/uuid-v7";
import type { TExposureRow } from "@/lib/seed/world-types";

/** Places a secret was found in clear: MCP client configs, env files, repositories, CI logs, prompts. */

export const EXPOSURE_SHARE = 0.04; // of fingerprinted credentials, i.e. ~3 % of all
/** Findings whose fingerprint matches no known credential, per credential generated. */
export const UNMATCHED_EXPOSURE_SHARE = 0.002;

const REPOS = ["acme/web", "acme/api-gateway", "acme/payments-service", "acme/ml-pipelines", "acme/infra", "acme/support-bot"] as const;
const GITLEAKS_RULE: Record<string, string> = {
  github: "github-pat", aws_iam: "aws-access-token", slack: "slack-bot-token", atlassian: "atlassian-api-token",
  oauth: "generic-api-key", database: "generic-api-key",
};

type TFinding = Pick<TExposureRow, "locationKind" | "location" | "repository" | "line" | "detector">;

function finding(rng: TRng, kind: ExposureLocation, rule: string, host: string): TFinding {
  const repo = rng.pick(REPOS);
  switch (kind) {
    case "mcp_config": {
      const file = rng.weighted([[".cursor/mcp.json", 4], [".vscode/mcp.json", 3], [".mcp.json", 2], ["claude_desktop_config.json", 3]] as const);
      return file === "claude_desktop_config.json"
        ? { locationKind: kind, location: `${host}:~/Library/Application Support/Claude/claude_desktop_config.json`, repository: null, line: rng.int(4, 30), detector: "tokenward-mcp-config-scanner" }
        : { locationKind: kind, location: file, repository: repo, line: rng.int(4, 40), detector: "tokenward-mcp-config-scanner" };
    }
    case "env_file":
      return { locationKind: kind, location: rng.pick([".env", ".env.local", "deploy/.env.production"]), repository: repo, line: rng.int(1, 60), detector: `gitleaks:${rule}` };
    case "repository":
      return { locationKind: kind, location: rng.pick(["config/settings.py", "scripts/backfill.ts", "terraform/prod/main.tf", "docker-compose.yml", "notebooks/eval.ipynb"]), repository: repo, line: rng.int(1, 400), detector: `gitleaks:${rule}` };
    case "ci_log":
      return { locationKind: kind, location: `github-actions: ${repo} run ${rng.int(9_000_000, 16_999_999)} job ${rng.pick(["build", "deploy", "e2e", "release"])}`, repository: repo, line: rng.int(50, 4000), detector: "tokenward-ci-log-scanner" };
    case "prompt":
      return { locationKind: kind, location: `agent transcript: session ${rng.hex(12)}`, repository: null, line: null, detector: "tokenward-prompt-scanner" };
  }
}

export function buildExposures(rng: TRng, now: number, plan: TCredentialPlan): TExposureRow[] {
  const { row, holder, provider } = plan;
  const exposed = rng.chance(EXPOSURE_SHARE) || plan.force?.exposed === true;
  if (!row.fingerprint || !exposed) return [];
  const rule = GITLEAKS_RULE[provider.spec.type] ?? `${provider.spec.key}-api-key`;
  const host = holder.kind === "mcp_client" ? (holder.name.split(" on ")[1] ?? "mbp-unknown") : "ci-runner";
  const kinds = holder.kind === "mcp_client" ? [["mcp_config", 8], ["env_file", 2]] as const
    : holder.kind === "agent" ? [["prompt", 3], ["env_file", 3], ["mcp_config", 2], ["ci_log", 1]] as const
    : [["ci_log", 3], ["env_file", 3], ["repository", 3], ["mcp_config", 1]] as const;
  const findings = new Map<string, TFinding>();
  const count = rng.chance(0.15) ? 2 : 1;
  for (let i = 0; i < count * 3 && findings.size < count; i++) {
    const f = finding(rng, rng.weighted(kinds), rule, host);
    findings.set(f.location, f);
  }
  return [...findings.values()].map((f) => {
    const detectedAt = recentBetween(rng, row.createdAt, now, 1.5);
    return { id: uuidV7(detectedAt, rng), credentialId: row.id, fingerprint: row.fingerprint as string, ...f, detectedAt, resolvedAt: rng.chance(0.25) ? between(rng, detectedAt, now) : null };
  });
}

/** A secret found in clear that matches no credential Tokenward knows (yet). */
export function buildUnmatchedExposure(rng: TRng, now: number): TExposureRow {
  const f = finding(rng, rng.pick(["env_file", "repository", "ci_log"] as const), "generic-api-key", "ci-runner");
  const detectedAt = recentBetween(rng, now - 120 * DAY, now, 1.5);
  return { id: uuidV7(detectedAt, rng), credentialId: null, fingerprint: fingerprintOf(`unmatched:${rng.hex(40)}`), ...f, detectedAt, resolvedAt: null };
}
