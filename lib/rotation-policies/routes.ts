import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { loadActivePolicy } from "@/lib/risk/services/active-policy";
import { ZNoQuery } from "@/lib/risk/schemas";
import { ZPreviewRotationPolicy } from "@/lib/rotation-policies/schemas";
import { loadActiveRotationPolicy } from "@/lib/rotation-policies/services/active-rotation-policy";
import { planPolicyRequests } from "@/lib/rotation-policies/services/plan-policy-requests";
import { defineRoute } from "@/lib/server/route";

const SAMPLES = 20;

/** "Cannot auto-rotate", grouped by reason (one provider not connected is one line, not 300), with a few names each. */
function groupBlocked(items: { credential: { id: string; name: string }; reason: string | null }[]) {
  const groups = new Map<string, { reason: string; count: number; samples: { id: string; name: string }[] }>();
  for (const i of items) {
    const reason = i.reason ?? "cannot be rotated here";
    const g = groups.get(reason) ?? { reason, count: 0, samples: [] };
    g.count++;
    if (g.samples.length < 3) g.samples.push({ id: i.credential.id, name: i.credential.name });
    groups.set(reason, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count).slice(0, 10);
}

/**
 * POST /api/v1/rotation-policies/preview {document} — the dry run: what a draft would request now,
 * per rule, with the credentials it cannot rotate and why. A read (nothing written, nothing audited).
 */
export const previewRotationPolicyRoute = defineRoute({
  kind: "read",
  name: "rotation_policies.preview",
  permission: "policy.manage",
  query: ZNoQuery,
  run: async ({ prisma, request }) => {
    if (!request.headers.get("content-type")?.startsWith("application/json")) throw new AppError("VALIDATION", "Send the draft as JSON (content-type: application/json).");
    const parsed = ZPreviewRotationPolicy.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
    const [active, risk] = await Promise.all([loadActiveRotationPolicy(prisma), loadActivePolicy(prisma)]);
    const plan = await planPolicyRequests(prisma, parsed.data.document, risk.policy.autoApproval.scheduledRotations);
    const requestable = plan.items.filter((i) => i.path !== "blocked");
    const perRule = parsed.data.document.rules.map((r) => {
      const mine = plan.items.filter((i) => i.match.rule.id === r.id);
      const ok = mine.filter((i) => i.path !== "blocked");
      return { id: r.id, name: r.name, requests: ok.length, autoApproved: ok.filter((i) => i.match.autoApprove).length, replacement: ok.filter((i) => i.path === "replacement").length, blocked: mine.length - ok.length };
    });
    return {
      activeVersion: active.version,
      requests: requestable.length,
      autoApproved: requestable.filter((i) => i.match.autoApprove).length,
      open: plan.open,
      backingOff: plan.backingOff,
      perRule,
      samples: requestable.slice(0, SAMPLES).map((i) => ({ id: i.credential.id, name: i.credential.name, provider: i.credential.providerName, rule: i.match.rule.id, why: i.match.why, autoApprove: i.match.autoApprove, path: i.path })),
      blocked: groupBlocked(plan.items.filter((i) => i.path === "blocked")),
      blockedCount: plan.items.length - requestable.length,
    };
  },
});
