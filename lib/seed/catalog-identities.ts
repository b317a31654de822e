import type { IdentityKind } from "@/lib/generated/prisma/client";

/**
 * Name stems for non-human identities. The first identity of a kind gets the bare stem
 * ("release-agent"); later ones are prefixed by team and numbered so names stay unique, because
 * usage events name their caller by identity name.
 */

export const IDENTITY_STEMS: Record<Exclude<IdentityKind, "mcp_server" | "mcp_client">, readonly string[]> = {
  agent: [
    "release-agent", "support-triage-agent", "code-review-agent", "incident-responder", "data-pipeline-agent",
    "sales-research-agent", "docs-writer-agent", "dependency-upgrade-agent", "billing-reconciler-agent", "oncall-summary-agent",
  ],
  service_account: [
    "svc-ci-deploy", "svc-billing-sync", "svc-etl-nightly", "terraform-runner", "svc-backup", "svc-metrics-export",
    "svc-search-indexer", "svc-webhook-relay", "svc-feature-flags", "svc-reporting",
  ],
  app: ["acme-release-bot-app", "analytics-connector", "crm-sync", "status-page", "sso-admin-portal", "data-catalog"],
  bot: ["slack-standup-bot", "deploy-notifier", "pagerduty-bridge", "triage-bot", "welcome-bot"],
};

export const MCP_CLIENT_APPS = [
  { app: "Claude Desktop", userAgent: "Claude-Desktop/0.12.28 (macOS 15.5)" },
  { app: "Cursor", userAgent: "Cursor/1.4.2 (darwin arm64)" },
  { app: "VS Code", userAgent: "Visual Studio Code/1.103.0 (linux x64)" },
  { app: "Claude Code", userAgent: "claude-cli/1.0.71 (external, cli)" },
] as const;

/** Caller user agents by identity kind, as gateways and OTel SDKs report them. */
export const USER_AGENTS: Record<IdentityKind, readonly string[]> = {
  agent: ["acme-agent-runtime/2.3.1 (python-httpx/0.28.1)", "langgraph/0.6.4 python-httpx/0.28.1", "openai-agents/0.2.9 (python 3.12)"],
  service_account: ["aws-sdk-js/3.864.0", "Go-http-client/1.1", "terraform/1.12.2", "python-requests/2.32.4", "psql/16.9"],
  mcp_server: ["mcp-server/1.17.2 node/22.18.0", "github-mcp-server/0.11.0 go/1.24"],
  mcp_client: MCP_CLIENT_APPS.map((c) => c.userAgent),
  app: ["Acme-Integration/1.0 (+https://acme.example)", "node-fetch/3.3.2"],
  bot: ["Slackbot 1.0 (+https://api.slack.com/robots)", "axios/1.11.0"],
};

/** A person using a machine token from a browser: the "human use of an NHI" signal. */
export const BROWSER_USER_AGENTS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64; rv:141.0) Gecko/20100101 Firefox/141.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36 Edg/139.0.0.0",
] as const;
