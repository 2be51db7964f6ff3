/** Optimal string alignment distance (Levenshtein plus adjacent transpositions: "contianers"). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2][j - 2] + 1);
      d[i][j] = best;
    }
  }
  return d[a.length][b.length];
}

/**
 * Closest candidate a person probably meant, or undefined when nothing is close enough to be
 * a useful hint (a wrong suggestion is worse than none).
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || input.length === 0) return undefined;
  const lower = input.toLowerCase();
  const sorted = [...candidates].sort();
  const caseMatch = sorted.find((c) => c.toLowerCase() === lower);
  if (caseMatch) return caseMatch;
  const limit = input.length <= 4 ? 1 : input.length <= 9 ? 2 : 3;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of sorted) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= limit && distance < bestScore) {
      best = candidate;
      bestScore = distance;
    }
  }
  if (best) return best;
  // singular/plural and truncated names: "volumeMount" / "volumeMounts", "env" / "envFrom" is too far
  const prefix = sorted.find(
    (c) => (c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase())) && Math.abs(c.length - input.length) <= 2 && Math.min(c.length, input.length) >= 4,
  );
  return prefix;
}
