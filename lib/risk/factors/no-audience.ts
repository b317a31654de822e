import { defineFactor } from "@/lib/risk/factors/define-factor";
import { CREDENTIAL_KIND_LABELS } from "@/lib/risk/model";

/** OWASP NHI4: a bearer token without an audience is accepted by any resource that trusts its issuer. */
export const noAudience = defineFactor({
  id: "no-audience",
  title: "No audience binding",
  description: "A bearer credential that names no audience, or is presented to an MCP server the authorization probe saw accepting tokens for other audiences.",
  frameworks: ["NHI4", "ASI03", "MAESTRO-L6", "PR.AA"],
  example: "Audience: any — this OAuth access token names no audience",
  params: {
    kinds: { type: "kinds", label: "Kinds that must name an audience", hint: "Cloud access keys and client secrets authenticate to their issuer and carry no audience" },
    points: { type: "points", label: "Points" },
  },
  defaults: { enabled: true, kinds: ["pat", "oauth_access_token", "oauth_refresh_token", "api_key", "installation_token", "static_bearer"], points: 20 },
  evaluate: (c, ctx, s) => {
    if (!s.kinds.includes(c.kind)) return null;
    if (c.audiences.length > 0) {
      // The credential names an audience, but a server it is presented to was seen (by the MCP
      // authorization probe) accepting tokens not bound to it: the binding is not enforced there.
      const first = ctx.unboundAt[0];
      if (!first) return null;
      const more = ctx.unboundAt.length - 1;
      const when = first.at !== null ? ` on ${new Date(first.at).toISOString().slice(0, 10)}` : "";
      return {
        points: s.points,
        evidence: `Audience not enforced where it is presented: the authorization probe of MCP server ${first.server}${when} found that it ${first.gap}${more > 0 ? ` (and ${more} more server${more === 1 ? "" : "s"})` : ""}`,
        remediation: `Make ${first.server} accept only tokens issued for itself (RFC 8707 audience check, e.g. requireBearerAuth's expectedResource), then run its probe again.`,
      };
    }
    return {
      points: s.points,
      evidence: `Audience: any — this ${CREDENTIAL_KIND_LABELS[c.kind]} names no audience`,
      remediation: "Request tokens for one resource (RFC 8707 resource indicators) and have each server reject tokens issued for another audience.",
    };
  },
});
