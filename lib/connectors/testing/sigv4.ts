import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * An AWS Signature Version 4 verifier for the IAM test peer, written from AWS's published algorithm
 * ("Create a signed AWS API request", IAM User Guide, and the SigV4 test suite): canonical request →
 * string to sign → HMAC chain of date, region, service → signature. The peer answers a request whose
 * signature does not verify the way AWS does (SignatureDoesNotMatch, InvalidClientTokenId), so the
 * connector's handling of a wrong secret is tested against a real check, not a flag.
 */

export type TSignedRequest = {
  method: string;
  /** The request target as sent: path and query, still percent-encoded. */
  target: string;
  /** Raw header pairs in arrival order (Node's `req.rawHeaders` paired up). */
  headers: [string, string][];
  body: string | Buffer;
};

export type TAuthorization = {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
};

export type TSigV4Failure = { ok: false; code: "MissingAuthenticationToken" | "IncompleteSignature" | "InvalidClientTokenId" | "SignatureDoesNotMatch"; message: string };
export type TSigV4Result = { ok: true; auth: TAuthorization } | TSigV4Failure;

const ALGORITHM = "AWS4-HMAC-SHA256";

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

/** RFC 3986 unreserved characters stay, everything else is %XX with upper-case hex (SigV4's UriEncode). */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=a;b, Signature=hex` */
export function parseAuthorization(header: string | undefined): TAuthorization | TSigV4Failure {
  if (!header) return { ok: false, code: "MissingAuthenticationToken", message: "Request is missing Authentication Token" };
  if (!header.startsWith(`${ALGORITHM} `)) return { ok: false, code: "IncompleteSignature", message: `Unsupported authorization type: expected ${ALGORITHM}` };
  const fields = new Map(
    header
      .slice(ALGORITHM.length + 1)
      .split(",")
      .map((part) => part.trim().split("=") as [string, string?])
      .map(([k, v]) => [k, v ?? ""]),
  );
  const credential = fields.get("Credential")?.split("/") ?? [];
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (credential.length !== 5 || credential[4] !== "aws4_request" || !signedHeaders || !signature) {
    return { ok: false, code: "IncompleteSignature", message: "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters." };
  }
  const [accessKeyId, date, region, service] = credential as [string, string, string, string];
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(";"), signature };
}

/**
 * The path normalised to one level of encoding per segment (the test suite's canonical form; IAM's
 * path is "/" in practice), the query pairs encoded and sorted by name, then value.
 */
function canonicalTarget(target: string): { path: string; query: string } {
  const [rawPath = "/", rawQuery = ""] = target.split("?", 2) as [string, string?];
  const path = rawPath
    .split("/")
    .map((segment) => uriEncode(decodeURIComponent(segment)))
    .join("/");
  const pairs = rawQuery
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const [k = "", v = ""] = pair.split("=", 2);
      return [uriEncode(decodeURIComponent(k.replace(/\+/g, " "))), uriEncode(decodeURIComponent(v.replace(/\+/g, " ")))] as const;
    })
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1));
  return { path: path || "/", query: pairs.map(([k, v]) => `${k}=${v}`).join("&") };
}

/** Header values trimmed, inner runs of spaces collapsed, repeated headers joined with commas. */
function canonicalHeaders(headers: [string, string][], signed: string[]): string {
  const values = new Map<string, string[]>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (!signed.includes(key)) continue;
    values.set(key, [...(values.get(key) ?? []), value.trim().replace(/ +/g, " ")]);
  }
  return signed.map((name) => `${name}:${(values.get(name) ?? []).join(",")}\n`).join("");
}

export function canonicalRequest(request: TSignedRequest, signedHeaders: string[]): string {
  const { path, query } = canonicalTarget(request.target);
  const declaredHash = request.headers.find(([name]) => name.toLowerCase() === "x-amz-content-sha256")?.[1];
  return [request.method.toUpperCase(), path, query, canonicalHeaders(request.headers, signedHeaders), signedHeaders.join(";"), declaredHash ?? sha256Hex(request.body)].join("\n");
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join("\n");
}

export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), "aws4_request");
}

export function signatureOf(request: TSignedRequest, auth: Omit<TAuthorization, "signature" | "accessKeyId">, secretAccessKey: string): string {
  const amzDate = request.headers.find(([name]) => name.toLowerCase() === "x-amz-date")?.[1] ?? "";
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const toSign = stringToSign(amzDate, scope, canonicalRequest(request, auth.signedHeaders));
  return createHmac("sha256", signingKey(secretAccessKey, auth.date, auth.region, auth.service)).update(toSign, "utf8").digest("hex");
}

/**
 * Verifies a request's Authorization header. `secretOf` returns the secret for a key id, or
 * undefined for a key AWS would not know (InvalidClientTokenId, which AWS checks before the
 * signature). The message texts are AWS's own.
 */
export function verifySigV4(request: TSignedRequest, secretOf: (accessKeyId: string) => string | undefined): TSigV4Result {
  const header = request.headers.find(([name]) => name.toLowerCase() === "authorization")?.[1];
  const auth = parseAuthorization(header);
  if ("ok" in auth) return auth;
  const secret = secretOf(auth.accessKeyId);
  if (secret === undefined) return { ok: false, code: "InvalidClientTokenId", message: "The security token included in the request is invalid." };
  const amzDate = request.headers.find(([name]) => name.toLowerCase() === "x-amz-date")?.[1];
  if (!amzDate || !auth.signedHeaders.includes("host") || !amzDate.startsWith(auth.date)) {
    return { ok: false, code: "IncompleteSignature", message: "The request must sign the host header and carry an X-Amz-Date matching the credential scope." };
  }
  const expected = Buffer.from(signatureOf(request, auth, secret), "hex");
  const given = Buffer.from(auth.signature, "hex");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return {
      ok: false,
      code: "SignatureDoesNotMatch",
      message: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    };
  }
  return { ok: true, auth };
}
