import { describe, expect, it } from "vitest";
import { scanText, scanWords } from "@/lib/discovery/detectors/scan-text";
import { awsSecretKey, opaqueSecret, prng, sampleToken } from "@/lib/discovery/testing/token-samples";

const rng = prng(2026);
const GHP = sampleToken("github_pat");
const SECRET = opaqueSecret(rng, 32);

const found = (text: string, keyName?: string) =>
  scanText(text, { keyName }).secrets.map((s) => ({ detector: s.detector, value: s.value, span: text.slice(s.start, s.end), suffix: s.keyPathSuffix }));

describe("references are recorded, never judged as secrets", () => {
  it.each([
    ["${GITHUB_TOKEN}", "${GITHUB_TOKEN}", "env"],
    ["${env:OPENAI_API_KEY}", "${env:OPENAI_API_KEY}", "env"],
    ["${input:api-key}", "${input:api-key}", "input"],
    ["Bearer ${env:TOKEN}", "${env:TOKEN}", "env"],
    ["$SLACK_TOKEN", "$SLACK_TOKEN", "env"],
  ])("%s", (text, reference, kind) => {
    const scan = scanText(text, { keyName: "GITHUB_TOKEN" });
    expect(scan.secrets).toEqual([]);
    expect(scan.references).toEqual([{ reference, kind }]);
  });

  it("does not take VS Code's predefined variables for references", () => {
    expect(scanText("${workspaceFolder}/server.js").references).toEqual([]);
    expect(scanText("${userHome}/.config").references).toEqual([]);
  });

  it("records ${VAR:-default} without the default, and scans the default as text in the file", () => {
    const scan = scanText(`\${GITHUB_TOKEN:-${GHP}}`, { keyName: "GITHUB_TOKEN" });
    expect(scan.references).toEqual([{ reference: "${GITHUB_TOKEN}", kind: "env", hasDefault: true }]);
    expect(scan.secrets.map((s) => [s.detector, s.value, s.keyPathSuffix])).toEqual([["github_pat", GHP, "(default)"]]);
    expect(scanText("${LOG_LEVEL:-info}").secrets).toEqual([]);
    expect(found(`\${API_KEY:-${SECRET}}`, "API_KEY")).toEqual([{ detector: "high_entropy_secret", value: SECRET, span: SECRET, suffix: "(default)" }]);
  });
});

describe("values under a key", () => {
  it("judges a value without a format by its key and its randomness", () => {
    expect(found(SECRET, "API_KEY")).toEqual([{ detector: "high_entropy_secret", value: SECRET, span: SECRET, suffix: undefined }]);
    expect(found(SECRET, "LOG_FORMAT")).toEqual([]);
    expect(found("your-api-key-here", "API_KEY")).toEqual([]);
    expect(found("changeme", "DB_PASSWORD")).toEqual([]);
    expect(found("K7#pq2!Zr9", "DB_PASSWORD")).toHaveLength(1); // passwords may be short
    expect(found("info", "TOKEN_LOG_LEVEL")).toEqual([]);
  });

  it("recognises an AWS secret access key under its name", () => {
    const secret = awsSecretKey(rng);
    expect(found(secret, "AWS_SECRET_ACCESS_KEY")).toEqual([{ detector: "aws_secret_access_key", value: secret, span: secret, suffix: undefined }]);
    expect(found(secret, "OTHER_SECRET")[0]?.detector).toBe("high_entropy_secret");
  });

  it("reads Authorization schemes: Bearer, Token and Basic (user:password, the password being the secret)", () => {
    expect(found(`Bearer ${SECRET}`, "Authorization")).toEqual([{ detector: "bearer_token", value: SECRET, span: SECRET, suffix: undefined }]);
    expect(found(`token ${GHP}`, "Authorization").map((f) => f.detector)).toEqual(["github_pat"]);
    expect(found(SECRET, "Authorization")[0]?.detector).toBe("bearer_token");
    const password = opaqueSecret(rng, 24);
    const basic = Buffer.from(`me@example.com:${password}`).toString("base64");
    expect(found(`Basic ${basic}`, "Authorization")).toEqual([{ detector: "basic_auth_password", value: password, span: basic, suffix: "(basic:password)" }]);
    const withToken = Buffer.from(`me@example.com:${sampleToken("atlassian_api_token")}`).toString("base64");
    expect(found(`Basic ${withToken}`, "Authorization").map((f) => [f.detector, f.suffix])).toEqual([["atlassian_api_token", "(basic:password)"]]);
    expect(found("Bearer <your token>", "Authorization")).toEqual([]);
    expect(found("Basic dXNlcjpwYXNzd29yZA==", "Authorization")).toEqual([]); // user:password
  });
});

describe("values that name their own key", () => {
  it.each([
    [`--api-key=${SECRET}`],
    [`API_KEY=${SECRET}`],
    [`X-API-Key: ${SECRET}`],
    [`Authorization: Bearer ${SECRET}`],
  ])("%s", (text) => {
    expect(found(text).map((f) => [f.detector, f.span])).toEqual([[text.startsWith("Authorization") ? "bearer_token" : "high_entropy_secret", SECRET]]);
  });

  it("leaves harmless assignments alone", () => {
    expect(found("--port=8080")).toEqual([]);
    expect(found("LOG_LEVEL=debug")).toEqual([]);
    expect(found("Content-Type: application/json")).toEqual([]);
  });

  it("reads a command line word by word, each value keyed by the flag before it", () => {
    const text = `npx -y @acme/mcp --api-key ${SECRET} --port 8080 --token=${GHP}`;
    expect(scanWords(text).map((h) => [h.detector, text.slice(h.start, h.end)])).toEqual([["high_entropy_secret", SECRET], ["github_pat", GHP]]);
    expect(found(text).map((f) => f.span).sort()).toEqual([GHP, SECRET].sort());
  });
});

describe("URLs", () => {
  it("finds a password in userinfo and cuts exactly it", () => {
    const url = `postgres://app:${SECRET}@db.internal:5432/app`;
    expect(found(url)).toEqual([{ detector: "url_password", value: SECRET, span: SECRET, suffix: "(userinfo:password)" }]);
  });

  it("decodes a percent-encoded password before fingerprinting it, and cuts the encoded text", () => {
    const url = "https://bot:p%40ssW0rd-9f8e7d@mcp.example.com/";
    expect(found(url)).toEqual([{ detector: "url_password", value: "p@ssW0rd-9f8e7d", span: "p%40ssW0rd-9f8e7d", suffix: "(userinfo:password)" }]);
  });

  it("finds a token as the user name", () => {
    expect(found(`https://${GHP}@github.com/acme/repo.git`).map((f) => f.detector)).toEqual(["github_pat"]);
    expect(found(`https://x-access-token:${sampleToken("github_installation_token")}@github.com/`).map((f) => f.detector)).toEqual(["github_installation_token"]);
  });

  it("finds secrets in the query and the fragment by parameter name", () => {
    for (const name of ["token", "access_token", "api_key", "apiKey", "key", "client_secret"]) {
      expect(found(`https://mcp.example.com/sse?${name}=${SECRET}&x=1`).map((f) => [f.detector, f.suffix]), name).toEqual([["high_entropy_secret", `(query:${name})`]]);
    }
    expect(found(`https://app.example.com/cb#access_token=${SECRET}&state=1`).map((f) => f.suffix)).toEqual(["(query:access_token)"]);
    expect(found(`https://mcp.example.com/?session=${SECRET}`).map((f) => f.suffix)).toEqual(["(query:session)"]);
  });

  it("leaves URLs without credentials, with references or with local defaults alone", () => {
    for (const url of [
      "https://mcp.example.com/mcp?page=2&limit=10",
      "https://mcp.example.com/mcp?token=${env:TOKEN}",
      "https://user:${PASSWORD}@mcp.example.com/",
      "postgres://postgres:postgres@localhost:5432/dev",
      "https://user:changeme@host/",
      `https://mcp.example.com/?id=${SECRET}`,
    ]) expect(found(url), url).toEqual([]);
  });
});
