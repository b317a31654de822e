import { defineFactor } from "@/lib/risk/factors/define-factor";
import { plural } from "@/lib/risk/factors/format";
import type { TEnvironment } from "@/lib/risk/model";

/** OWASP NHI8: a production credential reachable from dev erases the boundary between them. */
export const crossEnvironment = defineFactor({
  id: "cross-environment",
  title: "Cross-environment use",
  description: "The credential is used from, or held in, an environment other than its own.",
  frameworks: ["NHI8", "MAESTRO-L4", "PR.IR"],
  example: "prod credential used from dev (3 calls in the usage window)",
  params: {
    points: { type: "points", label: "Points" },
  },
  defaults: { enabled: true, points: 35 },
  evaluate: (c, ctx, s) => {
    const calls = new Map<TEnvironment, number>();
    for (const caller of ctx.usage.callers) {
      if (caller.environment && caller.environment !== c.environment) calls.set(caller.environment, (calls.get(caller.environment) ?? 0) + caller.count);
    }
    const held = ctx.holders.environments.filter((e) => e !== c.environment && !calls.has(e));
    if (calls.size === 0 && held.length === 0) return null;
    const parts = [...calls].map(([env, n]) => `used from ${env} (${plural(n, "call")} in the usage window)`);
    if (held.length) parts.push(`held by a consumer in ${held.join(", ")}`);
    return {
      points: s.points,
      evidence: `${c.environment} credential ${parts.join("; ")}`,
      remediation: `Issue a separate credential for each environment; the ${c.environment} one must only be reachable from ${c.environment}.`,
    };
  },
});
