import { verify, type KeyObject } from "node:crypto";

/**
 * GitHub's check of an App's JSON Web Token (RS256, `iss` = the app id, `iat` in the past, `exp`
 * in the future and at most ten minutes after `iat`), with GitHub's own words for each failure:
 * a key that does not belong to the app and an unknown app id both read "could not be decoded".
 */

export const JWT_UNDECODABLE = "A JSON web token could not be decoded";
export const JWT_IAT = "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
export const JWT_EXP = "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
export const JWT_EXP_FAR = "'Expiration time' claim ('exp') is too far in the future";

export type TJwtCheck = { ok: true; appId: number } | { ok: false; message: string };

function part(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function verifyAppJwt(token: string, keyOf: (appId: number) => KeyObject | undefined, nowSeconds: number): TJwtCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, message: JWT_UNDECODABLE };
  const [h, p, s] = parts as [string, string, string];
  const header = part(h);
  const payload = part(p);
  if (!header || !payload || header.alg !== "RS256") return { ok: false, message: JWT_UNDECODABLE };
  const iss = typeof payload.iss === "number" ? payload.iss : typeof payload.iss === "string" && /^\d+$/.test(payload.iss) ? Number(payload.iss) : NaN;
  const key = Number.isSafeInteger(iss) ? keyOf(iss) : undefined;
  if (!key || !verify("sha256", Buffer.from(`${h}.${p}`), key, Buffer.from(s, "base64url"))) return { ok: false, message: JWT_UNDECODABLE };
  const { iat, exp } = payload;
  if (typeof iat !== "number" || !Number.isInteger(iat) || iat > nowSeconds) return { ok: false, message: JWT_IAT };
  if (typeof exp !== "number" || exp <= nowSeconds) return { ok: false, message: JWT_EXP };
  if (exp - iat > 600) return { ok: false, message: JWT_EXP_FAR };
  return { ok: true, appId: iss };
}
