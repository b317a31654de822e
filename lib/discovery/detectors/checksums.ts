/**
 * Checksums some providers build into their tokens. A value with the right prefix and length but a
 * wrong checksum is a look-alike (a typo, a made-up example, a test fixture), not a credential.
 * Implemented here rather than with node:zlib's crc32, which Node 20.9 (our engines floor) lacks.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zlib) of the string's UTF-8 bytes; token alphabets are ASCII. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `n` in base 62 (digits, then A–Z, then a–z), left-padded with "0" to `width`. */
export function base62(n: number, width: number): string {
  let out = "";
  let rest = n;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, "0");
}

/**
 * GitHub's token format (github.blog, "Behind GitHub's new authentication token formats", 2021) and
 * npm's (2021, same scheme): `<prefix>_` + 30 random base62 characters + the CRC-32 of those 30,
 * in base62, 6 characters.
 */
export function base62ChecksumValid(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength);
  if (body.length !== 36) return false;
  return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}

/** Atlassian API tokens: 192 characters, the last 8 the CRC-32 of the first 184 in upper-case hex. */
export function atlassianChecksumValid(token: string): boolean {
  if (token.length !== 192) return false;
  return crc32(token.slice(0, 184)).toString(16).toUpperCase().padStart(8, "0") === token.slice(184);
}
