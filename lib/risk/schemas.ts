import { z } from "zod";
import { ZRiskPolicy } from "@/lib/risk/policy/schema";

/** Inputs of the risk domain's actions and routes. */

export const ZPolicyVersion = z.number({ error: "version must be a number" }).int("version must be a whole number").min(0, "version must be ≥ 0");

const ZComment = z.string({ error: "comment must be text" }).trim().max(500, "comment is at most 500 characters").optional();

/** The version the editor started from: saving over someone else's newer version is refused. */
const ZBaseVersion = ZPolicyVersion;

export const ZSavePolicy = z.object({ document: ZRiskPolicy, baseVersion: ZBaseVersion, comment: ZComment }).strict();
export type TSavePolicy = z.input<typeof ZSavePolicy>;

export const ZImportPolicy = z
  .object({
    /** The file's text, parsed and validated on the server (lib/risk/policy/validate.ts). */
    content: z.string({ error: "content must be the file's text" }).min(2, "the file is empty").max(200_000, "the file is larger than 200 kB"),
    fileName: z.string().trim().max(200, "file name is at most 200 characters").optional(),
    baseVersion: ZBaseVersion,
    comment: ZComment,
  })
  .strict();
export type TImportPolicy = z.input<typeof ZImportPolicy>;

export const ZRestorePolicy = z.object({ version: ZPolicyVersion, baseVersion: ZBaseVersion, comment: ZComment }).strict();
export type TRestorePolicy = z.input<typeof ZRestorePolicy>;

export const ZStartRecompute = z.object({}).strict();

export const ZPreviewPolicyBody = z.object({ document: ZRiskPolicy }).strict();

export const ZExportPolicyQuery = z.object({ version: z.coerce.number().int("version must be a whole number").min(0, "version must be ≥ 0").optional() }).strict();

export const ZNoQuery = z.object({}).strict();
