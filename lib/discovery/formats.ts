import type { TConfigFormat } from "@/lib/discovery/vocabulary";

/**
 * Which client a file belongs to, by its name and place (the clients find them the same way):
 * - Claude Desktop: `claude_desktop_config.json` (…/Claude/ on macOS, Linux and Windows)
 * - Claude Code: `.mcp.json` (project scope), `~/.claude.json` (user and per-project local scope)
 * - Cursor: `.cursor/mcp.json` (project, and ~/.cursor/mcp.json)
 * - VS Code: `.vscode/mcp.json`, and the user profile's `Code/User/mcp.json` (also profiles/<id>/)
 * - Windsurf: `~/.codeium/windsurf/mcp_config.json` (and windsurf-next)
 */

export function formatForPath(filePath: string): TConfigFormat | null {
  const parts = filePath.replace(/\\/g, "/").split("/").filter(Boolean);
  const name = parts[parts.length - 1];
  const parent = parts[parts.length - 2];
  if (name === "claude_desktop_config.json") return "claude_desktop";
  if (name === ".mcp.json") return "claude_code";
  if (name === ".claude.json") return "claude_code_user";
  if (name === "mcp.json" && parent === ".cursor") return "cursor";
  if (name === "mcp.json" && parent === ".vscode") return "vscode";
  if (name === "mcp.json" && /(?:^|\/)(?:Code|Code - Insiders|VSCodium)\/User(?:\/profiles\/[^/]+)?\/mcp\.json$/.test(parts.join("/"))) return "vscode";
  if (name === "mcp_config.json" && (parent === "windsurf" || parent === "windsurf-next") && parts[parts.length - 3] === ".codeium") return "windsurf";
  return null;
}

/** The key a format keeps its servers under; the other spelling is read too (a secret there is still exposed). */
export function serversKey(format: TConfigFormat): "servers" | "mcpServers" {
  return format === "vscode" ? "servers" : "mcpServers";
}

/** File names the walker opens; anything else is never read. */
export const CONFIG_FILE_NAMES = new Set(["claude_desktop_config.json", ".mcp.json", ".claude.json", "mcp.json", "mcp_config.json"]);
