import { describe, expect, it } from "vitest";
import { atlassianChecksumValid, base62, base62ChecksumValid, crc32 } from "@/lib/discovery/detectors/checksums";
import { CHECKSUMMED } from "@/lib/discovery/testing/token-samples";

describe("crc32", () => {
  it("is the IEEE CRC-32 zlib computes", () => {
    // The standard check value of CRC-32/ISO-HDLC, and values from Python's zlib.crc32.
    expect(crc32("123456789")).toBe(0xcbf43926);
    expect(crc32("")).toBe(0);
    expect(crc32("0".repeat(30))).toBe(0x77e5db82);
    expect(crc32("tokenward ✓")).toBe(0xe0cf2910); // UTF-8 bytes, not UTF-16 code units
  });
});

describe("base62", () => {
  it("encodes with digits, upper case, then lower case, left-padded", () => {
    expect(base62(0, 6)).toBe("000000");
    expect(base62(61, 2)).toBe("0z");
    expect(base62(62, 1)).toBe("10");
    // crc32("0" * 31) in Python, encoded with this alphabet (CredSweeper's GitHub sample uses it).
    expect(base62(crc32("0".repeat(31)), 6)).toBe("4WZ4EQ");
  });
});

describe("GitHub / npm checksum", () => {
  it("accepts tokens whose last six characters are the CRC-32 of the thirty before them", () => {
    for (const token of [CHECKSUMMED.github_pat, CHECKSUMMED.github_oauth_token, CHECKSUMMED.github_user_to_server_token, CHECKSUMMED.github_installation_token, CHECKSUMMED.github_refresh_token, CHECKSUMMED.npm_token]) {
      expect(base62ChecksumValid(token, 4), token.slice(0, 4)).toBe(true);
    }
  });

  it("refuses a changed character, a swapped pair and a wrong length", () => {
    const token = CHECKSUMMED.github_pat;
    const flipped = token.slice(0, 10) + (token[10] === "A" ? "B" : "A") + token.slice(11);
    const swapped = token.slice(0, -2) + token.slice(-1) + token.slice(-2, -1);
    expect(base62ChecksumValid(flipped, 4)).toBe(false);
    expect(base62ChecksumValid(swapped, 4)).toBe(false);
    expect(base62ChecksumValid(token.slice(0, -1), 4)).toBe(false);
    expect(base62ChecksumValid(`${token}A`, 4)).toBe(false);
  });
});

describe("Atlassian checksum", () => {
  it("accepts a 192-character token ending in the upper-case hex CRC-32 of the first 184", () => {
    expect(atlassianChecksumValid(CHECKSUMMED.atlassian_api_token)).toBe(true);
  });

  it("refuses a changed body, a lower-case checksum and a wrong length", () => {
    const token = CHECKSUMMED.atlassian_api_token;
    expect(atlassianChecksumValid(`${token.slice(0, 50)}${token[50] === "a" ? "b" : "a"}${token.slice(51)}`)).toBe(false);
    expect(atlassianChecksumValid(token.slice(0, 184) + token.slice(184).toLowerCase())).toBe(false);
    expect(atlassianChecksumValid(token.slice(1))).toBe(false);
  });
});
