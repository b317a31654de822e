import type { McpAuthMode, McpTransport } from "@/lib/generated/prisma/client";
import type { TProviderKey } from "@/lib/seed/catalog-providers";

/**
 * MCP servers Acme runs or installs. `upstream` is the provider a server calls on the agent's
 * behalf: the second hop of agent → MCP server → provider, and where passthrough can happen.
 */

export type TMcpServerSpec = {
  name: string;
  /** Path under the MCP host, or undefined for a local stdio server. */
  path?: string;
  command?: string;
  transport: McpTransport;
  authMode: McpAuthMode;
  upstream?: TProviderKey;
  team: string;
  tools: readonly string[];
  /** Whether an Identity of kind mcp_server represents it (remote servers mostly do). */
  hasIdentity: boolean;
};

export const MCP_HOST = { prod: "https://mcp.internal.example", staging: "https://mcp.staging.internal.example", dev: "https://mcp.dev.internal.example" } as const;

export const MCP_SERVERS: readonly TMcpServerSpec[] = [
  { name: "github-mcp", path: "/github", transport: "streamable_http", authMode: "oauth", upstream: "github", team: "platform", hasIdentity: true,
    tools: ["search_code", "get_file_contents", "create_issue", "create_pull_request", "list_commits", "merge_pull_request"] },
  { name: "jira-mcp", path: "/jira", transport: "streamable_http", authMode: "static_token", upstream: "atlassian", team: "support-tools", hasIdentity: true,
    tools: ["search_issues", "create_issue", "add_comment", "transition_issue", "get_issue"] },
  { name: "confluence-mcp", path: "/confluence", transport: "sse", authMode: "static_token", upstream: "atlassian", team: "support-tools", hasIdentity: true,
    tools: ["search_pages", "get_page", "create_page"] },
  { name: "postgres-mcp", path: "/postgres", transport: "streamable_http", authMode: "static_token", upstream: "orders_db", team: "data", hasIdentity: true,
    tools: ["query", "list_tables", "describe_table"] },
  { name: "slack-mcp", path: "/slack", transport: "streamable_http", authMode: "oauth", upstream: "slack", team: "support-tools", hasIdentity: true,
    tools: ["post_message", "list_channels", "search_messages", "get_thread"] },
  { name: "stripe-mcp", path: "/stripe", transport: "streamable_http", authMode: "static_token", upstream: "stripe", team: "payments", hasIdentity: true,
    tools: ["list_charges", "get_customer", "create_refund", "list_invoices"] },
  { name: "aws-mcp", path: "/aws", transport: "streamable_http", authMode: "oauth", upstream: "aws_prod", team: "sre", hasIdentity: true,
    tools: ["describe_instances", "get_cost_and_usage", "list_buckets", "get_log_events"] },
  { name: "openai-mcp", path: "/openai", transport: "sse", authMode: "static_token", upstream: "openai", team: "ml-platform", hasIdentity: false,
    tools: ["create_embedding", "chat_completion"] },
  { name: "internal-docs", path: "/docs", transport: "streamable_http", authMode: "none", team: "platform", hasIdentity: false,
    tools: ["search_docs", "get_page"] },
  { name: "filesystem", command: "npx -y @modelcontextprotocol/server-filesystem /srv/shared", transport: "stdio", authMode: "none", team: "platform", hasIdentity: false,
    tools: ["read_file", "write_file", "list_directory", "search_files"] },
];
