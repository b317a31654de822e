import { defineFactor } from "@/lib/risk/factors/define-factor";
import { sensitivityRank } from "@/lib/risk/model";

/** OWASP NHI3: a vendor holding a key to a sensitive system is a supply-chain path into it. */
export const thirdPartySensitive = defineFactor({
  id: "third-party-sensitive",
  title: "Third-party access to a sensitive provider",
  description: "The credential's identity is operated by a third-party vendor and the provider is sensitive.",
  frameworks: ["NHI3", "ASI04", "MAESTRO-L7", "GV.SC"],
  example: "Held by Zendesk (third-party vendor) through zendesk-integration on GitHub (acme), sensitivity high",
  params: {
    minSensitivity: { type: "sensitivity", label: "From provider sensitivity" },
    points: { type: "points", label: "Points" },
  },
  defaults: { enabled: true, minSensitivity: "high", points: 35 },
  evaluate: (_c, ctx, s) => {
    const vendor = ctx.identity?.thirdPartyVendor;
    if (!vendor || sensitivityRank(ctx.provider.sensitivity) < sensitivityRank(s.minSensitivity)) return null;
    return {
      points: s.points,
      evidence: `Held by ${vendor} (third-party vendor) through ${ctx.identity!.name} on ${ctx.provider.name}, sensitivity ${ctx.provider.sensitivity}`,
      remediation: `Review what ${vendor} needs; grant it a narrowly scoped, expiring credential and include it in access reviews.`,
    };
  },
});
