import { describe, expect, it } from "vitest";
import { isSecretLikeKey, keyWords, looksLikePlaceholder, looksRandom, shannonEntropy } from "@/lib/discovery/detectors/entropy";
import { opaqueSecret, prng } from "@/lib/discovery/testing/token-samples";

describe("shannonEntropy", () => {
  it("is 0 for one repeated character and log2(n) for n equally frequent ones", () => {
    expect(shannonEntropy("aaaaaaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBe(2);
    expect(shannonEntropy("0123456789abcdef")).toBe(4);
    expect(shannonEntropy("")).toBe(0);
  });
});

describe("secret-like keys", () => {
  it("splits names into words", () => {
    expect(keyWords("GITHUB_PERSONAL_ACCESS_TOKEN")).toEqual(["github", "personal", "access", "token"]);
    expect(keyWords("apiKey")).toEqual(["api", "key"]);
    expect(keyWords("X-API-Key")).toEqual(["x", "api", "key"]);
    expect(keyWords("--client-secret")).toEqual(["client", "secret"]);
    expect(keyWords("APIKey")).toEqual(["api", "key"]);
  });

  it.each([
    "GITHUB_TOKEN", "GITHUB_PERSONAL_ACCESS_TOKEN", "OPENAI_API_KEY", "apiKey", "x-api-key", "Authorization", "X-Auth-Token", "DB_PASSWORD",
    "--password", "--api-key", "client_secret", "SLACK_BOT_TOKEN", "JIRA_API_TOKEN", "APIKEY", "ACCESSTOKEN", "AWS_SECRET_ACCESS_KEY", "Cookie", "passphrase",
  ])("%s names a secret", (key) => expect(isSecretLikeKey(key)).toBe(true));

  it.each([
    "TOKEN_URL", "SSH_KEY_PATH", "PUBLIC_KEY", "AUTH_TYPE", "MAX_TOKENS", "KEY_ID", "AWS_ACCESS_KEY_ID", "GITHUB_HOST", "API_BASE_URL", "PASSWORD_FILE",
    "KEYBOARD_LAYOUT", "MONKEY", "LOG_LEVEL", "NODE_ENV", "CLIENT_ID", "--port", "SECRET_NAME", "TOKEN_EXPIRY",
  ])("%s does not", (key) => expect(isSecretLikeKey(key)).toBe(false));

  it("treats no key as not secret-like", () => {
    expect(isSecretLikeKey(undefined)).toBe(false);
    expect(isSecretLikeKey("")).toBe(false);
  });
});

describe("placeholders", () => {
  it.each([
    "your-token-here", "YOUR_API_KEY", "<token>", "<YOUR_GITHUB_PAT>", "xxxx", "XXXXXXXXXXXXXXXXXXXX", "changeme", "change_me", "****", "...", "TODO", "null",
    "replace-with-your-key", "insert your api key", "{{ secrets.TOKEN }}", "example-key-123", "sk-your-key-here", "my_secret_token", "token goes here", "dummy", "redacted",
  ])("%s is a placeholder", (value) => expect(looksLikePlaceholder(value)).toBe(true));

  it("real-looking secrets are not", () => {
    const rng = prng(9);
    for (let i = 0; i < 200; i++) expect(looksLikePlaceholder(opaqueSecret(rng))).toBe(false);
  });
});

describe("looksRandom", () => {
  it("accepts generated secrets of 16 characters and more", () => {
    const rng = prng(42);
    for (let i = 0; i < 500; i++) expect(looksRandom(opaqueSecret(rng, 16 + (i % 48)))).toBe(true);
    expect(looksRandom("3f9a2c71e4b08d65a1c2e3f4b5a6978d")).toBe(true); // hex
  });

  it.each([
    ["short", "a1B2c3D4e5"],
    ["low entropy", "aaaaaaaaaaaaaaaabbbbbbbb"],
    ["a number", "12345678901234567890"],
    ["a version or time", "2026-01-01T00:00:00"],
    ["a URL", "https://api.example.com/v1/endpoint"],
    ["a path", "/Users/me/.config/tool/credentials.json"],
    ["a Windows path", "C:\\Users\\me\\secrets.txt"],
    ["an e-mail address", "someone.important@example.com"],
    ["words", "read-only-access-for-reporting"],
    ["with spaces", "this is a sentence not a key"],
    ["a placeholder", "your-very-long-token-goes-here"],
  ])("refuses %s", (_what, value) => expect(looksRandom(value)).toBe(false));

  it("lets a password-length floor through where the key says password", () => {
    expect(looksRandom("Tr0ub4dor&3", 8)).toBe(true);
    expect(looksRandom("Tr0ub4dor&3")).toBe(false);
  });
});
