import { z } from "zod";
import { ZRotationPolicy } from "@/lib/rotation-policies/schema";

/** Inputs of the rotation policy's actions and routes. */

export const ZSaveRotationPolicy = z.strictObject({
  document: ZRotationPolicy,
  /** The version the editor started from: a save over a version it has not seen is refused. */
  baseVersion: z.number({ error: "baseVersion must be a number" }).int().min(0).max(1_000_000),
  comment: z.string().trim().max(500, "At most 500 characters").optional(),
});
export type TSaveRotationPolicy = z.infer<typeof ZSaveRotationPolicy>;

export const ZPreviewRotationPolicy = z.strictObject({ document: ZRotationPolicy });

export const ZRunRotationPolicies = z.strictObject({});
