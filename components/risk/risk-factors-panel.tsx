import { RiskFactorsList } from "@/components/risk/risk-factors-list";
import { getCredentialRisk } from "@/lib/risk/queries";

/**
 * Drop-in panel for the credential detail page: `<RiskFactorsPanel credentialId={id} />` loads the
 * stored score and factors itself (server component). Use RiskFactorsList when you have the data.
 */
export async function RiskFactorsPanel({ credentialId, fixLinks = false }: { credentialId: string; fixLinks?: boolean }) {
  const risk = await getCredentialRisk(credentialId);
  if (!risk) return null;
  return <RiskFactorsList data={risk} fixFor={fixLinks ? credentialId : undefined} hopsFor={credentialId} />;
}
