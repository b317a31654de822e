import { z } from "zod";
import { ZScanReport } from "@/lib/discovery/schemas";

/**
 * Inputs of scan ingestion: a scanner's report (POST /api/v1/scans, the CLI's --send) and files
 * uploaded from the browser (scanned server-side into the same report).
 */

/**
 * Keys that would carry a secret's value. The report is strict (unknown keys are refused anyway),
 * but a sender that put the raw token in deserves to be told exactly that, not "unknown key".
 */
const RAW_SECRET_KEYS = new Set(["secret", "value", "token", "password", "rawvalue", "raw", "plaintext", "secretvalue", "apikey", "api_key", "key", "match", "matched"]);

function rawSecretPath(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (depth > 12 || value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = rawSecretPath(value[i], [...path, i], depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    // Only text under such a name (an input's `password: true` is a flag, not a password).
    if (typeof child === "string" && RAW_SECRET_KEYS.has(key.toLowerCase())) return [...path, key];
    const hit = rawSecretPath(child, [...path, key], depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** THE body of POST /api/v1/scans: a ZScanReport, refused with a precise word when it holds a secret field. */
export const ZIngestScanReport = z
  .unknown()
  .superRefine((value, ctx) => {
    const hit = rawSecretPath(value);
    if (hit) {
      ctx.addIssue({
        code: "custom",
        path: hit,
        input: undefined,
        message: `Scan reports carry fingerprints and 4-character hints only: "${hit.join(".")}" looks like a raw secret field and is refused; nothing was stored`,
      });
    }
  })
  .pipe(ZScanReport);
export type TIngestScanReport = z.output<typeof ZIngestScanReport>;

/** Upload limits: what the browser may send in one go (base64 in JSON, decoded in memory). */
export const UPLOAD_LIMITS = {
  files: 50,
  /** Per uploaded file (a config or a zip), decoded. */
  fileBytes: 4 * 1024 * 1024,
  /** All uploaded files together, decoded. */
  totalBytes: 8 * 1024 * 1024,
  /** Inside one zip: entries listed, and bytes once inflated (all entries). */
  zipEntries: 2_000,
  zipUncompressedBytes: 32 * 1024 * 1024,
  /** Config files scanned from one upload (zip entries included). */
  scannedFiles: 500,
} as const;

/** Base64 of at most `bytes` decoded bytes. */
const base64 = (bytes: number) =>
  z
    .string({ error: "Content must be base64 text" })
    .max(Math.ceil(bytes / 3) * 4, `Each file must be at most ${Math.round(bytes / 1024 / 1024)} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "Content must be base64");

export const ZUploadedFile = z.strictObject({
  name: z
    .string({ error: "File name must be text" })
    .min(1, "File name is required")
    .max(255, "File name must have at most 255 characters")
    .refine((s) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s), "File name must not contain control characters"),
  contentBase64: base64(UPLOAD_LIMITS.fileBytes),
});

export const ZUploadScanFiles = z.strictObject({
  files: z.array(ZUploadedFile, { error: "Files must be a list" }).min(1, "Choose at least one file").max(UPLOAD_LIMITS.files, `At most ${UPLOAD_LIMITS.files} files at once`),
});
export type TUploadScanFiles = z.output<typeof ZUploadScanFiles>;
