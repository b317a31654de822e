import { RiskScoreTrendChart } from "@/components/risk/risk-score-trend-chart";
import { getScoreHistory } from "@/lib/risk/queries";

/** Drop-in for the credential detail page: `<RiskScoreTrend credentialId={id} />` (server component). */
export async function RiskScoreTrend({ credentialId }: { credentialId: string }) {
  const points = await getScoreHistory(credentialId);
  return <RiskScoreTrendChart points={points} now={new Date().toISOString()} />;
}
