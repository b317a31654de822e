import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { defineRoute } from "@/lib/server/route";
import { toPolicyFile } from "@/lib/risk/policy/validate";
import { readRecomputeStatus } from "@/lib/risk/recompute-status";
import { ZExportPolicyQuery, ZNoQuery, ZPreviewPolicyBody } from "@/lib/risk/schemas";
import { loadActivePolicy, loadPolicyVersion } from "@/lib/risk/services/active-policy";
import { previewPolicyImpact } from "@/lib/risk/services/preview-policy-impact";

/** GET /api/v1/risk/policy/export[?version=N] — the policy as a file; an export, so it is audited. */
export const exportPolicyRoute = defineRoute({
  kind: "read",
  name: "risk.policy.export",
  permission: "inventory.read",
  query: ZExportPolicyQuery,
  audit: ({ query }) => ({ action: "risk.policy.export", targetType: "risk_policy", targetId: query.version === undefined ? "active" : String(query.version) }),
  run: async ({ prisma, query }) => {
    const found = query.version === undefined ? await loadActivePolicy(prisma) : await loadPolicyVersion(prisma, query.version);
    if (!found) throw new AppError("NOT_FOUND", `There is no policy version ${query.version}.`);
    const file = toPolicyFile(found.policy, { version: found.version, comment: found.comment, exportedAt: new Date() });
    return new Response(`${JSON.stringify(file, null, 2)}\n`, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="tokenward-risk-policy-v${found.version}.json"`,
        "cache-control": "no-store",
      },
    });
  },
});

/** GET /api/v1/risk/recompute — the full recompute's progress, polled by the policy page. */
export const recomputeStatusRoute = defineRoute({
  kind: "read",
  name: "risk.recompute.status",
  permission: "inventory.read",
  query: ZNoQuery,
  run: async ({ prisma }) => readRecomputeStatus(prisma),
});

/**
 * POST /api/v1/risk/policy/preview {document} — what a draft would change. A read (nothing is
 * written, so nothing is audited) that needs a body: the draft is too large for a query string.
 */
export const previewPolicyRoute = defineRoute({
  kind: "read",
  name: "risk.policy.preview",
  permission: "policy.manage",
  query: ZNoQuery,
  run: async ({ prisma, request }) => {
    if (!request.headers.get("content-type")?.startsWith("application/json")) {
      throw new AppError("VALIDATION", "Send the draft policy as JSON (content-type: application/json).");
    }
    const body = await request.json().catch(() => undefined);
    const parsed = ZPreviewPolicyBody.safeParse(body);
    if (!parsed.success) {
      throw new AppError("VALIDATION", parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
    }
    const active = await loadActivePolicy(prisma);
    const impact = await previewPolicyImpact(prisma, active.policy, parsed.data.document);
    return { activeVersion: active.version, impact };
  },
});
