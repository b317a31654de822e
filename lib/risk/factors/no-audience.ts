import { defineFactor } from "@/lib/risk/factors/define-factor";
import { CREDENTIAL_KIND_LABELS } from "@/lib/risk/model";

/** OWASP NHI4: a bearer token without an audience is accepted by any resource that trusts its issuer. */
export const noAudience = defineFactor({
  id: "no-audience",
  title: "No audience binding",
  description: "A bearer credential that names no audience, so any resource trusting its issuer accepts it.",
  frameworks: ["NHI4", "ASI03", "MAESTRO-L6", "PR.AA"],
  example: "Audience: any — this OAuth access token names no audience",
  params: {
    kinds: { type: "kinds", label: "Kinds that must name an audience", hint: "Cloud access keys and client secrets authenticate to their issuer and carry no audience" },
    points: { type: "points", label: "Points" },
  },
  defaults: { enabled: true, kinds: ["pat", "oauth_access_token", "oauth_refresh_token", "api_key", "installation_token", "static_bearer"], points: 20 },
  evaluate: (c, _ctx, s) => {
    if (c.audiences.length > 0 || !s.kinds.includes(c.kind)) return null;
    return {
      points: s.points,
      evidence: `Audience: any — this ${CREDENTIAL_KIND_LABELS[c.kind]} names no audience`,
      remediation: "Request tokens for one resource (RFC 8707 resource indicators) and have each server reject tokens issued for another audience.",
    };
  },
});
