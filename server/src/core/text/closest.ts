/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions ("contianers"). Stops early
 * once every entry of a row exceeds `limit`, so scanning many candidates stays cheap.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        best = Math.min(best, beforePrevious[j - 2] + 1);
      }
      current[j] = best;
      rowMin = Math.min(rowMin, best);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate a person most likely meant by `word` (a field, a volume, a port or rule id), or undefined when
 * nothing is close enough to be a useful hint: a wrong suggestion is worse than none. One implementation for
 * every "did you mean", so schema messages, rules, quick fixes and the config file agree.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || word.length === 0) return undefined;
  const lower = word.toLowerCase();
  const sorted = [...candidates].sort();
  const caseOnly = sorted.find((c) => c.toLowerCase() === lower);
  if (caseOnly) return caseOnly;
  const limit = word.length <= 4 ? 1 : word.length <= 9 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of sorted) {
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best) return best;
  // Singular/plural and truncated names: "volumeMount" for "volumeMounts"; "env" for "envFrom" is too far.
  return sorted.find(
    (c) =>
      (c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase())) &&
      Math.abs(c.length - word.length) <= 2 &&
      Math.min(c.length, word.length) >= 4,
  );
}
