import { defineFactor } from "@/lib/risk/factors/define-factor";
import { DAY, formatDuration } from "@/lib/risk/factors/format";
import { CREDENTIAL_KIND_LABELS, sensitivityRank } from "@/lib/risk/model";

/**
 * NHI4 / ASI02: a static, long-lived token to a sensitive system is standing privilege with no
 * per-call decision. Tokenward has no signal yet for a per-call policy (a gateway in front), so the
 * factor assumes there is none and says so.
 */
export const staticHighSensitivity = defineFactor({
  id: "static-high-sensitivity",
  title: "Static long-lived token on a sensitive provider",
  description: "A static kind of credential (API key, PAT, static bearer…) that lives long, on a high-sensitivity provider, with no per-call policy known.",
  frameworks: ["NHI4", "ASI02", "MAESTRO-L6", "PR.AA"],
  example: "Static API key on Stripe (acme live) (sensitivity high), expires never; no per-call policy recorded",
  params: {
    kinds: { type: "kinds", label: "Static kinds" },
    maxTtlDays: { type: "days", label: "Long-lived above", min: 1, max: 3650 },
    minSensitivity: { type: "sensitivity", label: "From provider sensitivity" },
    points: { type: "points", label: "Points" },
  },
  defaults: { enabled: true, kinds: ["pat", "api_key", "static_bearer", "cloud_access_key", "client_secret"], maxTtlDays: 30, minSensitivity: "high", points: 40 },
  evaluate: (c, ctx, s) => {
    if (!s.kinds.includes(c.kind) || sensitivityRank(ctx.provider.sensitivity) < sensitivityRank(s.minSensitivity)) return null;
    let lifetime: string;
    if (c.expiresAt === null) lifetime = "expires never";
    else {
      const ttl = c.expiresAt - (c.issuedAt ?? c.createdAt);
      if (ttl <= s.maxTtlDays * DAY) return null;
      lifetime = `TTL ${formatDuration(ttl)}`;
    }
    const label = CREDENTIAL_KIND_LABELS[c.kind];
    return {
      points: s.points,
      evidence: `Static ${label} on ${ctx.provider.name} (sensitivity ${ctx.provider.sensitivity}), ${lifetime}; no per-call policy recorded`,
      remediation: "Replace it with short-lived tokens from the provider (OAuth, STS), or put it behind a gateway that decides per call.",
    };
  },
});
