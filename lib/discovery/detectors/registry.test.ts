import { describe, expect, it } from "vitest";
import { findKnownTokens, looksGenerated, TOKEN_FORMATS } from "@/lib/discovery/detectors/registry";
import { CHECKSUMMED, KNOWN_FORMATS, prng, sampleToken, TOKEN_FACTORIES, type TKnownFormat } from "@/lib/discovery/testing/token-samples";
import { DETECTOR_META } from "@/lib/discovery/vocabulary";

const join = (s: string) => s.replace(/\|/g, "");
const detectorsIn = (text: string) => findKnownTokens(text).map((m) => m.detector);

/** Each format's look-alikes: right prefix, wrong in a way a real token never is. */
const LOOK_ALIKES: Record<TKnownFormat, string[]> = {
  github_pat: [
    join("ghp_|Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IM"), // checksum off by one character
    join("ghp_|Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1"), // too short
    `ghp_${"x".repeat(36)}`,
    "ghp_your_token_here",
    join("xghp_|Ky9Pf34qY6Nb3wWD25RQ4F5ZR3qa7y3gm1IL"), // inside a longer word
  ],
  github_oauth_token: [join("gho_|Eeeby3abP3E2Zs8IQ9Y7aJZqhB6bae2dTjzX")],
  github_user_to_server_token: [join("ghu_|CN6Zj4a3dDVhYRnKTbxTNJFoBinF5a42GyMz")],
  github_refresh_token: [join("ghr_|KLiMcVbpT4r5yHUig43kiJfahqSIjO2WghHL")],
  github_installation_token: [join("ghs_|JXVuLkSIc47WQAmL9xVQ2zg4mZaouq416qWt"), "ghs_eyJub3QtanNvbg.eyJhbHNvLW5vdA.c2lnbmF0dXJlLWlzLWZha2U"],
  github_fine_grained_pat: [`github_pat_11${"A".repeat(20)}_${"x".repeat(59)}`, `github_pat_11ABCDEFGHIJKLMNOPQRS_${"a1B2c3".repeat(10)}`],
  gitlab_pat: ["glpat-XXXXXXXXXXX-XXXXXXXX", "glpat-abcdefghij123456789", "glpat-xxxxxxxx-xxxxxxxxxxxxxxxxxx.xxxxxxxxx"],
  slack_bot_token: ["xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx", "xoxb-12345-abcd234", "xoxb-xoxb-my-bot-token", `xoxb-123456789012-1234567890123-${"x".repeat(24)}`],
  slack_user_token: ["xoxp-1234567890", `xoxp-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXXX-${"X".repeat(32)}`, `xoxp-572370529330-573807301142-572331691188-${"#".repeat(20)}`],
  slack_app_token: ["xapp-1-xxx", `xapp-1-A0000000000-0000000000000-${"0".repeat(64)}`],
  slack_config_token: ["xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere", "xoxe.xoxp-1-initial"],
  slack_refresh_token: ["xoxe-1-xxx", `xoxr-${"x".repeat(30)}`],
  slack_legacy_token: ["xoxa-faketoken", "xoxs-0000000000-0000000000-0000000000-0000000000"],
  aws_access_key_id: [join("AKIA|IOSFODNN7EXAMPLE"), "AKIA23456789ABCDEFG", "AKIAAAAAAAAAAAAAAAAA", join("akia|2e5w3w7zkt4xqlrm")],
  atlassian_api_token: [
    CHECKSUMMED.atlassian_api_token.slice(0, 184) + "00000000",
    CHECKSUMMED.atlassian_api_token.slice(1),
  ],
  openai_api_key: [`sk-proj-${"Ab3dE".repeat(20)}`, "sk-1234567890abcdef", `sk-proj-${"x".repeat(74)}T3BlbkFJ${"x".repeat(74)}`],
  anthropic_api_key: [`sk-ant-api03-${"x".repeat(93)}AA`, `sk-ant-api03-${"aB3dEfGh1J".repeat(9)}abc`, "sk-ant-api03-your-key-here"],
  anthropic_admin_key: [`sk-ant-admin01-${"X".repeat(93)}AA`],
  anthropic_oauth_token: ["sk-ant-oat01-TEST_SETUP_TOKEN_NOT_REAL", "sk-ant-oat01-AbC_dEf-123456789"],
  anthropic_refresh_token: [`sk-ant-ort01-${"0".repeat(60)}`],
  google_api_key: [`AIza${"b".repeat(34)}`, `AIzaSy${"X".repeat(33)}`],
  stripe_secret_key: ["sk_live_abcdefghijklmnopqrstuvw", `sk_live_${"x".repeat(30)}`, `sk_prod_51${"Ab3dEfGh1J".repeat(5)}`],
  stripe_restricted_key: [`rk_live_${"0".repeat(40)}`],
  npm_token: [join("npm_|ugM1yTMAd7V3DnI8lFPPwtV5ASPZHu0FecsY"), join("npm_|ugM1yTMAd7V3DnI8lFPPwtV5ASPZHu0Fecs")],
  tokenward_api_key: ["twk_123456789ab_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ", `twk_0123456789ag_${"a".repeat(43)}`],
  jwt: ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0", "eyJxxxxxxxxxxxxxxx.eyJyyyyyyyyyyyyyyyy.zzzzzzzzzzzzzzzzzzzzzzzz"],
};

describe("token format registry", () => {
  it("has one entry per known-format detector, and a sample and look-alikes for each", () => {
    const ids = TOKEN_FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...KNOWN_FORMATS].sort());
    for (const id of ids) expect(DETECTOR_META[id].confidence).toBe("known_format");
  });

  it.each(KNOWN_FORMATS)("%s: finds a valid token, alone and inside text", (format) => {
    const token = sampleToken(format);
    expect(findKnownTokens(token)).toEqual([{ detector: format, start: 0, end: token.length, value: token }]);
    for (const around of [`Bearer ${token}`, `--token=${token}`, `"${token}"`, `KEY=${token};`, `https://x:${token}@host/`]) {
      expect(findKnownTokens(around).map((m) => [m.detector, m.value]), around.slice(0, 20)).toEqual([[format, token]]);
    }
  });

  it.each(KNOWN_FORMATS)("%s: finds freshly generated tokens whole (2,000 seeds)", (format) => {
    // Whole: a match that stops early (a stateless ghs_ token read as an opaque one up to its
    // first dot) would leave the rest of the secret in the report.
    const rng = prng(format.length * 31);
    for (let i = 0; i < 2000; i++) {
      const token = TOKEN_FACTORIES[format](rng);
      expect(findKnownTokens(token).map((m) => [m.detector, m.value]), token.slice(0, 12)).toEqual([[format, token]]);
    }
  });

  it("tells generated bodies from made-up ones by their shape, not by luck", () => {
    for (const fake of ["x".repeat(40), "0".repeat(16), "Ab3dE".repeat(8), "ABCDEFGHIJKLMNOP", "IOSFODNN7EXAMPLE", `${"X".repeat(20)}a1b2c3d4`, "aaaaaaaaaaaabbbbbbbbbbbb"]) {
      expect(looksGenerated(fake), fake).toBe(false);
    }
    // Random bodies that happen to hold a run or four X's are still tokens.
    for (const real of ["c06cb756ddffffff510383d8efb706c5", "aZPzStkPgQM2ZADs7nuEhbWOnSnrQXXXXXUJUYQn5-m7tmj_BDhkQZ_UYGhh2zkcyb3mXJ5agi", "OSN6VA5VNVQVAO6V"]) {
      expect(looksGenerated(real), real).toBe(true);
    }
  });

  it.each(KNOWN_FORMATS)("%s: look-alikes do not match", (format) => {
    for (const lookAlike of LOOK_ALIKES[format]) expect(detectorsIn(lookAlike), lookAlike.slice(0, 40)).toEqual([]);
  });

  it("does not match placeholders and references", () => {
    for (const text of ["${GITHUB_TOKEN}", "${env:OPENAI_API_KEY}", "${input:api-key}", "<token>", "changeme", "your-token-here", "xxxx", "sk-...", "ghp_...", "Bearer ${TOKEN}"]) {
      expect(detectorsIn(text), text).toEqual([]);
    }
  });

  it("prefers the longer of two overlapping matches (a stateless ghs_ token holds a JWT)", () => {
    const token = TOKEN_FACTORIES.github_installation_token(prng(3));
    const stateless = token.includes(".") ? token : `ghs_${TOKEN_FACTORIES.jwt(prng(4))}`;
    expect(detectorsIn(stateless)).toEqual(["github_installation_token"]);
    // xoxe.xoxp-1-… holds no shorter Slack token, but its longer form must win over any partial match.
    expect(detectorsIn(TOKEN_FACTORIES.slack_config_token(prng(5)))).toEqual(["slack_config_token"]);
  });

  it("finds several tokens in one text, in order", () => {
    const text = `a ${sampleToken("slack_bot_token")} b ${sampleToken("github_pat")} c ${sampleToken("aws_access_key_id")}`;
    expect(detectorsIn(text)).toEqual(["slack_bot_token", "github_pat", "aws_access_key_id"]);
  });

  it("finds a token glued to other characters only when redacting", () => {
    const npm = sampleToken("npm_token");
    expect(findKnownTokens(`abc${npm}def`)).toEqual([]);
    expect(findKnownTokens(`abc${npm}def`, { anywhere: true }).map((m) => [m.detector, m.value])).toEqual([["npm_token", npm]]);
    expect(findKnownTokens(`x${join("npm_|ugM1yTMAd7V3DnI8lFPPwtV5ASPZHu0FecsY")}`, { anywhere: true })).toEqual([]); // still checksummed
  });

  it("stays fast on long hostile input (no catastrophic backtracking)", () => {
    const started = performance.now();
    for (const filler of ["a".repeat(200_000), "sk-".repeat(60_000), "ghs_eyJ".repeat(30_000), `glpat-${"a".repeat(200_000)}`, "xoxb-1234567890-".repeat(10_000)]) findKnownTokens(filler);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
