import "server-only";
import { actorReach } from "@/lib/auth/access";
import { AppError } from "@/lib/errors/app-error";
import { ZRemediateExposure } from "@/lib/exposures/schemas";
import { recomputeCredentials } from "@/lib/risk/services/recompute-credentials";
import type { TOperation } from "@/lib/server/execute";

/**
 * "Mark remediated": the secret was removed from that place (and, usually, rotated). Checked by role
 * AND resource: the exposure's credential is the resource, so owners close their own and their
 * team's; an exposure no credential claims is for roles that reach any. A later scan that still
 * finds it re-opens it (lib/scans/services/ingest-scan-report.ts).
 */
export const remediateExposureOperation: TOperation<typeof ZRemediateExposure, { id: string; resolvedAt: string }> = {
  name: "exposures.remediate",
  permission: "exposures.remediate",
  input: ZRemediateExposure,
  resource: async (input, { tx, actor }) => {
    const exposure = await tx.exposure.findUnique({ where: { id: input.exposureId }, select: { credentialId: true } });
    if (!exposure) throw new AppError("NOT_FOUND", "This exposure no longer exists.");
    if (!exposure.credentialId) {
      if (actorReach(actor, "exposures.remediate") !== "any") throw new AppError("FORBIDDEN", "This exposure belongs to no credential you own.");
      return { type: "credential", ids: [] };
    }
    return { type: "credential", ids: [exposure.credentialId] };
  },
  run: async ({ tx, input }) => {
    const now = new Date();
    const rows = await tx.$queryRawUnsafe<{ id: string; credential_id: string | null; location: string; resolved_at: Date | null }[]>(
      `SELECT id::text AS id, credential_id::text AS credential_id, location, resolved_at FROM exposures WHERE id = $1::uuid FOR UPDATE`,
      input.exposureId,
    );
    const e = rows[0];
    if (!e) throw new AppError("NOT_FOUND", "This exposure no longer exists.");
    if (e.resolved_at) throw new AppError("CONFLICT", "This exposure is already marked remediated.");
    await tx.exposure.update({ where: { id: e.id }, data: { resolvedAt: now } });
    // One open exposure fewer: the credential's exposure_count (trigger) and score follow.
    if (e.credential_id) await recomputeCredentials(tx, [e.credential_id], { now });
    return {
      data: { id: e.id, resolvedAt: now.toISOString() },
      // On the credential, so its page's history shows it.
      audit: {
        targetType: e.credential_id ? "credential" : "exposure",
        targetId: e.credential_id ?? e.id,
        summary: { exposureId: e.id, location: e.location, before: { resolvedAt: null }, after: { resolvedAt: now.toISOString() } },
      },
    };
  },
};
