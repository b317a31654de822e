/** A risk score as shown everywhere: one decimal, always (94.0, not 94 next to 94.3). */
export function formatScore(score: number): string {
  return score.toFixed(1);
}
