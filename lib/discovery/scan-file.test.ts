import { describe, expect, it } from "vitest";
import { fingerprintOf } from "@/lib/connectors/fingerprint";
import { buildReport } from "@/lib/discovery/report";
import { scanFile } from "@/lib/discovery/scan-file";
import { ZScanReport, type TScanFile } from "@/lib/discovery/schemas";
import { awsSecretKey, opaqueSecret, prng, sampleToken } from "@/lib/discovery/testing/token-samples";

const rng = prng(7);
const GHP = sampleToken("github_pat");
const SLACK = sampleToken("slack_bot_token");
const OPENAI = sampleToken("openai_api_key");
const ANTHROPIC = sampleToken("anthropic_api_key");
const ATLASSIAN = sampleToken("atlassian_api_token");
const AWS_ID = sampleToken("aws_access_key_id");
const AWS_SECRET = awsSecretKey(rng);
const OPAQUE = opaqueSecret(rng, 32);
const DB_PASSWORD = opaqueSecret(rng, 20);

/** The file validates inside a report, and none of the given secrets appears anywhere in it. */
function checked(file: TScanFile, secrets: string[]): TScanFile {
  const report = buildReport([file], { scannedAt: new Date("2026-01-01T00:00:00Z") });
  const parsed = ZScanReport.safeParse(report);
  expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  const json = JSON.stringify(report);
  for (const secret of secrets) expect(json.includes(secret), `secret ${secret.slice(0, 6)}… in the report`).toBe(false);
  return file;
}

const summary = (file: TScanFile) => file.servers.map((s) => ({ name: s.name, findings: s.findings.map((f) => `${f.keyPath} ${f.detector}`), references: s.references.map((r) => `${r.keyPath} ${r.reference}`) }));

describe("Claude Desktop (claude_desktop_config.json)", () => {
  const config = {
    mcpServers: {
      github: { command: "npx", args: ["-y", "@modelcontextprotocol/server-github"], env: { GITHUB_PERSONAL_ACCESS_TOKEN: GHP } },
      filesystem: { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "/Users/me/Desktop"] },
      slack: { command: "npx", args: ["-y", "@modelcontextprotocol/server-slack"], env: { SLACK_BOT_TOKEN: SLACK, SLACK_TEAM_ID: "T01234567" } },
      postgres: { command: "npx", args: ["-y", "@modelcontextprotocol/server-postgres", `postgresql://app:${DB_PASSWORD}@db.internal/app`] },
    },
  };
  const file = checked(scanFile("Library/Application Support/Claude/claude_desktop_config.json", JSON.stringify(config, null, 2)), [GHP, SLACK, DB_PASSWORD]);

  it("records each server with its transport, command and arguments", () => {
    expect(file).toMatchObject({ path: "Library/Application Support/Claude/claude_desktop_config.json", format: "claude_desktop", status: "ok" });
    expect(file.servers.map((s) => [s.name, s.transport, s.command])).toEqual([["github", "stdio", "npx"], ["filesystem", "stdio", "npx"], ["slack", "stdio", "npx"], ["postgres", "stdio", "npx"]]);
    expect(file.servers[1]!.args).toEqual(["-y", "@modelcontextprotocol/server-filesystem", "/Users/me/Desktop"]);
  });

  it("reports every literal credential with its fingerprint, hint, kind and provider", () => {
    expect(summary(file).map((s) => s.findings)).toEqual([
      ["mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN github_pat"],
      [],
      ["mcpServers.slack.env.SLACK_BOT_TOKEN slack_bot_token"],
      ["mcpServers.postgres.args[2](userinfo:password) url_password"],
    ]);
    expect(file.servers[0]!.findings[0]).toEqual({
      keyPath: "mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN", location: "env", detector: "github_pat", credentialKind: "pat", providerHint: "github",
      fingerprint: fingerprintOf(GHP), hint: GHP.slice(-4), confidence: "known_format",
    });
    expect(file.servers[3]!.findings[0]).toMatchObject({ location: "args", fingerprint: fingerprintOf(DB_PASSWORD), credentialKind: "static_bearer" });
  });

  it("cuts the password out of the recorded argument", () => {
    expect(file.servers[3]!.args![2]).toBe(`postgresql://app:«redacted:url_password:${DB_PASSWORD.slice(-4)}»@db.internal/app`);
  });
});

describe("Claude Code (.mcp.json)", () => {
  const config = {
    mcpServers: {
      api: { type: "http", url: "https://mcp.example.com/mcp", headers: { Authorization: "Bearer ${API_TOKEN}", "X-Team": "payments" } },
      events: { type: "sse", url: "https://events.example.com/sse", headers: { "X-API-Key": OPAQUE } },
      local: { command: "node", args: ["server.js", "--openai-key", OPENAI], env: { GITHUB_TOKEN: `\${GITHUB_TOKEN:-${GHP}}`, LOG: "${LOG_LEVEL:-info}" } },
    },
  };
  const file = checked(scanFile(".mcp.json", JSON.stringify(config)), [OPAQUE, OPENAI, GHP]);

  it("reads transports from type and keeps URLs", () => {
    expect(file.format).toBe("claude_code");
    expect(file.servers.map((s) => [s.name, s.transport, s.url ?? s.command])).toEqual([["api", "http", "https://mcp.example.com/mcp"], ["events", "sse", "https://events.example.com/sse"], ["local", "stdio", "node"]]);
  });

  it("records references without their defaults, and a literal default as a finding", () => {
    expect(summary(file)).toEqual([
      { name: "api", findings: [], references: ["mcpServers.api.headers.Authorization ${API_TOKEN}"] },
      { name: "events", findings: ["mcpServers.events.headers.X-API-Key high_entropy_secret"], references: [] },
      {
        name: "local",
        findings: ["mcpServers.local.args[2] openai_api_key", "mcpServers.local.env.GITHUB_TOKEN(default) github_pat"],
        references: ["mcpServers.local.env.GITHUB_TOKEN ${GITHUB_TOKEN}", "mcpServers.local.env.LOG ${LOG_LEVEL}"],
      },
    ]);
    expect(file.servers[2]!.references[0]).toEqual({ keyPath: "mcpServers.local.env.GITHUB_TOKEN", reference: "${GITHUB_TOKEN}", kind: "env", hasDefault: true });
    expect(file.servers[2]!.args).toEqual(["server.js", "--openai-key", `«redacted:openai_api_key:${OPENAI.slice(-4)}»`]);
  });
});

describe("Claude Code user config (~/.claude.json)", () => {
  const config = {
    numStartups: 42,
    primaryApiKey: ANTHROPIC,
    mcpServers: { sentry: { type: "http", url: "https://mcp.sentry.dev/mcp" } },
    projects: {
      "/Users/me/code/web": {
        allowedTools: [],
        history: [{ display: `please use ${GHP} to call the API`, pastedContents: {} }],
        mcpServers: { jira: { command: "npx", args: ["-y", "mcp-atlassian"], env: { JIRA_URL: "https://acme.atlassian.net", JIRA_API_TOKEN: ATLASSIAN } } },
      },
      "/Users/me/code/api": { mcpServers: "not an object" },
    },
  };
  const file = checked(scanFile(".claude.json", JSON.stringify(config)), [ANTHROPIC, GHP, ATLASSIAN]);

  it("reads top-level and per-project servers, naming the project", () => {
    expect(file.format).toBe("claude_code_user");
    expect(file.servers.map((s) => [s.name, s.project])).toEqual([["sentry", undefined], ["jira", "/Users/me/code/web"]]);
    expect(file.servers[1]!.findings.map((f) => [f.keyPath, f.detector, f.providerHint])).toEqual([
      ['projects["/Users/me/code/web"].mcpServers.jira.env.JIRA_API_TOKEN', "atlassian_api_token", "atlassian"],
    ]);
  });

  it("reports credentials elsewhere in the file (an API key, a token pasted into a prompt) as file findings", () => {
    expect(file.findings.map((f) => [f.keyPath, f.detector])).toEqual([
      ['projects["/Users/me/code/web"].history[0].display', "github_pat"],
      ["primaryApiKey", "anthropic_api_key"],
    ]);
  });

  it("notes a project whose servers are not an object and goes on", () => {
    expect(file.notes).toEqual([expect.stringContaining('projects["/Users/me/code/api"].mcpServers is a string, expected an object')]);
  });
});

describe("Cursor (.cursor/mcp.json)", () => {
  const config = {
    mcpServers: {
      linear: { url: "https://mcp.linear.app/sse", headers: { Authorization: `Bearer ${OPAQUE}` } },
      github: { command: "docker", args: ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"], env: { GITHUB_PERSONAL_ACCESS_TOKEN: "${env:GITHUB_PAT}" }, envFile: "${workspaceFolder}/.env" },
    },
  };
  const file = checked(scanFile(".cursor/mcp.json", JSON.stringify(config)), [OPAQUE]);

  it("infers SSE from the URL, keeps envFile, and reports the bearer token", () => {
    expect(file.format).toBe("cursor");
    expect(file.servers.map((s) => [s.name, s.transport])).toEqual([["linear", "sse"], ["github", "stdio"]]);
    expect(file.servers[0]!.findings.map((f) => [f.keyPath, f.detector, f.credentialKind])).toEqual([["mcpServers.linear.headers.Authorization", "bearer_token", "static_bearer"]]);
    expect(file.servers[1]).toMatchObject({ envFile: "${workspaceFolder}/.env", findings: [], references: [{ keyPath: "mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN", reference: "${env:GITHUB_PAT}", kind: "env" }] });
  });
});

describe("VS Code (.vscode/mcp.json, JSONC)", () => {
  const text = `{
  // Inputs are prompted once and stored by VS Code.
  "inputs": [
    { "type": "promptString", "id": "github-token", "description": "GitHub PAT", "password": true },
    { "type": "promptString", "id": "legacy-key", "description": "Legacy key", "password": true, "default": "${OPAQUE}" },
  ],
  "servers": {
    /* remote */
    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/", "headers": { "Authorization": "Bearer \${input:github-token}" } },
    "legacy": { "type": "stdio", "command": "legacy-mcp", "env": { "LEGACY_KEY": "\${input:legacy-key}" } },
    "events": { "type": "sse", "url": "https://events.example.com/stream" },
  },
}`;
  const file = checked(scanFile("repo/.vscode/mcp.json", text), [OPAQUE]);

  it("parses comments and trailing commas, reads servers and inputs", () => {
    expect(file.status).toBe("ok");
    expect(file.format).toBe("vscode");
    expect(file.inputs).toEqual([{ id: "github-token", description: "GitHub PAT", password: true }, { id: "legacy-key", description: "Legacy key", password: true }]);
    expect(file.servers.map((s) => [s.name, s.transport])).toEqual([["github", "http"], ["legacy", "stdio"], ["events", "sse"]]);
  });

  it("records ${input:…} as input references, never as secrets", () => {
    expect(file.servers[0]!.references).toEqual([{ keyPath: "servers.github.headers.Authorization", reference: "${input:github-token}", kind: "input" }]);
    expect(file.servers[0]!.findings).toEqual([]);
  });

  it("charges an input's literal default to the servers that use it", () => {
    expect(file.servers[1]!.findings.map((f) => [f.keyPath, f.location, f.detector])).toEqual([["inputs[1].default", "input", "high_entropy_secret"]]);
    expect(file.findings).toEqual([]);
  });
});

describe("Windsurf (~/.codeium/windsurf/mcp_config.json)", () => {
  const config = {
    mcpServers: {
      remote: { serverUrl: `https://mcp.example.com/mcp?api_key=${OPAQUE}`, headers: { Authorization: "Bearer ${env:REMOTE_TOKEN}" } },
      stripe: { command: "npx", args: ["-y", "@stripe/mcp", `--api-key=${sampleToken("stripe_secret_key")}`] },
    },
  };
  const file = checked(scanFile(".codeium/windsurf/mcp_config.json", JSON.stringify(config)), [OPAQUE, sampleToken("stripe_secret_key")]);

  it("reads serverUrl and cuts the credential out of its query", () => {
    expect(file.format).toBe("windsurf");
    expect(file.servers[0]).toMatchObject({ name: "remote", transport: "http", url: `https://mcp.example.com/mcp?api_key=«redacted:high_entropy_secret:${OPAQUE.slice(-4)}»` });
    expect(file.servers[0]!.findings.map((f) => [f.keyPath, f.location])).toEqual([["mcpServers.remote.serverUrl(query:api_key)", "url"]]);
    expect(file.servers[0]!.references.map((r) => r.reference)).toEqual(["${env:REMOTE_TOKEN}"]);
    expect(file.servers[1]!.findings.map((f) => [f.detector, f.providerHint])).toEqual([["stripe_secret_key", "stripe"]]);
  });
});

describe("shapes and values worth a second look", () => {
  it("pairs an AWS access key id with its secret key: one finding carrying the id", () => {
    const config = { mcpServers: { aws: { command: "uvx", args: ["awslabs.aws-api-mcp-server"], env: { AWS_ACCESS_KEY_ID: AWS_ID, AWS_SECRET_ACCESS_KEY: AWS_SECRET, AWS_REGION: "eu-west-1" } } } };
    const file = checked(scanFile(".mcp.json", JSON.stringify(config)), [AWS_SECRET]);
    expect(file.servers[0]!.findings).toEqual([expect.objectContaining({ keyPath: "mcpServers.aws.env.AWS_SECRET_ACCESS_KEY", detector: "aws_secret_access_key", externalId: AWS_ID, fingerprint: fingerprintOf(AWS_SECRET), credentialKind: "cloud_access_key", providerHint: "aws_iam" })]);
  });

  it("keeps an AWS access key id without its secret as a finding matched by its id", () => {
    const config = { mcpServers: { aws: { command: "x", env: { AWS_ACCESS_KEY_ID: AWS_ID, AWS_SECRET_ACCESS_KEY: "${AWS_SECRET}" } } } };
    const file = checked(scanFile(".mcp.json", JSON.stringify(config)), []);
    expect(file.servers[0]!.findings.map((f) => [f.detector, f.externalId])).toEqual([["aws_access_key_id", AWS_ID]]);
  });

  it("finds a secret passed as the value after a flag, and as NAME=value", () => {
    const config = { mcpServers: { a: { command: "docker", args: ["run", "-e", `API_KEY=${OPAQUE}`, "--token", GHP, "--password", DB_PASSWORD, "--port", 8080] } } };
    const file = checked(scanFile(".mcp.json", JSON.stringify(config)), [OPAQUE, GHP, DB_PASSWORD]);
    expect(file.servers[0]!.findings.map((f) => [f.keyPath, f.detector])).toEqual([["mcpServers.a.args[2]", "high_entropy_secret"], ["mcpServers.a.args[4]", "github_pat"], ["mcpServers.a.args[6]", "high_entropy_secret"]]);
    expect(file.servers[0]!.args).toEqual(["run", "-e", `API_KEY=«redacted:high_entropy_secret:${OPAQUE.slice(-4)}»`, "--token", `«redacted:github_pat:${GHP.slice(-4)}»`, "--password", `«redacted:high_entropy_secret:${DB_PASSWORD.slice(-4)}»`, "--port", "8080"]);
  });

  it("is an error when the servers section is not an object", () => {
    const file = checked(scanFile(".mcp.json", '{ "mcpServers": "github" }'), []);
    expect(file).toEqual({ path: ".mcp.json", format: "claude_code", status: "error", error: "mcpServers is a string, expected an object (line 1, column 17)", servers: [], findings: [] });
  });

  it("skips a server that is not an object with a note, still searching it, and reads the rest", () => {
    const config = { mcpServers: { broken: `npx server --token ${GHP}`, ok: { command: "npx" } } };
    const file = checked(scanFile(".mcp.json", JSON.stringify(config)), [GHP]);
    expect(file.servers.map((s) => s.name)).toEqual(["ok"]);
    expect(file.notes).toEqual([expect.stringMatching(/^server "broken" skipped: it is a string, expected an object \(line 1, column \d+\)$/)]);
    expect(file.findings.map((f) => [f.keyPath, f.detector])).toEqual([["mcpServers.broken", "github_pat"]]);
  });

  it("searches fields of the wrong type for secrets and says so", () => {
    const config = { mcpServers: { odd: { command: ["npx", GHP], args: "--verbose", env: [`TOKEN=${SLACK}`], url: 42, headers: "nope" } } };
    const file = checked(scanFile(".mcp.json", JSON.stringify(config)), [GHP, SLACK]);
    expect(file.servers[0]!.findings.map((f) => [f.keyPath, f.detector])).toEqual([["mcpServers.odd.command[1]", "github_pat"], ["mcpServers.odd.env[0]", "slack_bot_token"]]);
    expect(file.notes).toHaveLength(5);
    expect(file.servers[0]!.transport).toBe("unknown");
  });

  it("reads a servers key the client ignores (secrets there are still exposed)", () => {
    const file = checked(scanFile(".vscode/mcp.json", JSON.stringify({ mcpServers: { gh: { env: { GITHUB_TOKEN: GHP } } } })), [GHP]);
    expect(file.servers.map((s) => s.findings.map((f) => f.keyPath))).toEqual([["mcpServers.gh.env.GITHUB_TOKEN"]]);
    expect(file.notes).toEqual([expect.stringContaining('"mcpServers" is not where this client reads servers')]);
  });

  it("reports a token used as a name, and shows the name without it", () => {
    const file = checked(scanFile(".mcp.json", JSON.stringify({ mcpServers: { [GHP]: { command: "x", env: { [SLACK]: "1" } } } })), [GHP, SLACK]);
    expect(file.servers[0]!.name).toBe(`«redacted:github_pat:${GHP.slice(-4)}»`);
    expect(file.servers[0]!.findings.map((f) => f.detector).sort()).toEqual(["github_pat", "slack_bot_token"]);
  });

  it("shows a secret found once wherever else it appears (a server named after its API key)", () => {
    const file = checked(scanFile(".mcp.json", JSON.stringify({ mcpServers: { [OPAQUE]: { command: `run ${OPAQUE}`, env: { API_KEY: OPAQUE } } } })), [OPAQUE]);
    expect(file.servers[0]!.name).toBe(`«redacted:high_entropy_secret:${OPAQUE.slice(-4)}»`);
  });

  it("escapes control and bidirectional characters in what it shows", () => {
    const file = checked(scanFile(".mcp.json", JSON.stringify({ mcpServers: { "evil\u202Egnp.exe\nline": { command: "a\u0000b" } } })), []);
    expect(file.servers[0]!.name).toBe("evil\\u202egnp.exe\\u000aline");
    expect(file.servers[0]!.command).toBe("a\\u0000b");
  });

  it("keeps __proto__ a key like any other", () => {
    const file = checked(scanFile(".mcp.json", `{"__proto__": {"mcpServers": {"ghost": {"command": "x"}}}, "x": {"__proto__": "${GHP}"}}`), [GHP]);
    expect(file.servers).toEqual([]);
    expect(file.findings.map((f) => f.keyPath)).toEqual(["x.__proto__"]);
  });

  it("searches the first of two servers sections as the rest of the file (the client reads the last)", () => {
    const file = checked(scanFile(".mcp.json", `{"mcpServers": {"old": {"env": {"GITHUB_TOKEN": "${GHP}"}}}, "mcpServers": {"new": {"command": "x"}}}`), [GHP]);
    expect(file.servers.map((s) => s.name)).toEqual(["new"]);
    expect(file.findings.map((f) => [f.keyPath, f.detector])).toEqual([["mcpServers.old.env.GITHUB_TOKEN", "github_pat"]]);
  });

  it("searches a project of the wrong shape in ~/.claude.json", () => {
    const file = checked(scanFile(".claude.json", JSON.stringify({ projects: { "/a": `token ${SLACK}`, "/b": { mcpServers: [GHP] } } })), [SLACK, GHP]);
    expect(file.findings.map((f) => [f.keyPath, f.detector])).toEqual([['projects["/a"]', "slack_bot_token"], ['projects["/b"].mcpServers[0]', "github_pat"]]);
    expect(file.notes).toEqual([expect.stringContaining('projects["/b"].mcpServers is a list, expected an object')]);
  });

  it("sees a secret under the first of two equal keys", () => {
    const file = checked(scanFile(".mcp.json", `{"mcpServers": {"a": {"env": {"GITHUB_TOKEN": "${GHP}", "GITHUB_TOKEN": "\${GITHUB_TOKEN}"}}}}`), [GHP]);
    expect(file.servers[0]!.findings.map((f) => f.detector)).toEqual(["github_pat"]);
    expect(file.servers[0]!.references.map((r) => r.reference)).toEqual(["${GITHUB_TOKEN}"]);
  });
});

describe("files that cannot be read", () => {
  it.each([
    ["empty", "", "file is empty"],
    ["whitespace", "  \n ", "file is empty"],
    ["invalid JSON", '{\n  "mcpServers": {\n    "a": { "command": "x" "args": [] }\n  }\n}', "invalid JSON at line 3, column 27: comma expected"],
    ["truncated", '{"mcpServers": {"a": {"env": {"T": "ghp_', "invalid JSON at line 1, column 36: unterminated string (and 4 more)"],
    ["an array", "[1, 2]", "top level is a list, expected an object"],
    ["a string", '"x"', "top level is a string, expected an object"],
    ["too deep", `${"[".repeat(10_000)}${"]".repeat(10_000)}`, "nested deeper than 64 levels at line 1, column 65"],
  ])("%s", (_what, content, error) => {
    expect(checked(scanFile(".mcp.json", content), [])).toMatchObject({ status: "error", error, servers: [], findings: [] });
  });

  it("never quotes the content in an error", () => {
    const file = scanFile(".mcp.json", `{"mcpServers": {"a": {"env": {"T": "${GHP}" oops}}}}`);
    expect(file.status).toBe("error");
    expect(JSON.stringify(file)).not.toContain(GHP.slice(0, 10));
  });

  it("refuses binary content and text that is not UTF-8", () => {
    expect(scanFile(".mcp.json", new Uint8Array([0x7b, 0x00, 0x7d])).error).toBe("binary content (NUL bytes); not read");
    expect(scanFile(".mcp.json", new Uint8Array([0x7b, 0xff, 0xfe, 0xfd, 0x7d])).error).toBe("binary or not UTF-8/UTF-16 text; not read");
  });

  it("reads UTF-8 with a BOM and UTF-16 with a BOM, as editors save them", () => {
    const json = JSON.stringify({ mcpServers: { a: { env: { GITHUB_TOKEN: GHP } } } });
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(json, "utf8")]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(json, "utf16le")]);
    for (const bytes of [utf8, utf16]) expect(checked(scanFile(".mcp.json", bytes), [GHP]).servers[0]!.findings[0]!.detector).toBe("github_pat");
  });

  it("refuses a file over the size limit without reading it", () => {
    const file = scanFile(".cursor/mcp.json", `{"mcpServers": {}, "pad": "${"a".repeat(1024 * 1024)}"}`);
    expect(file.error).toBe("file is 1.0 MB, over the 1.0 MB limit; not read");
    expect(scanFile(".claude.json", `{"pad": "${"a".repeat(2 * 1024 * 1024)}"}`).status).toBe("ok");
  });
});
