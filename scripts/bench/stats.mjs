// The benchmark's one percentile: nearest rank, NaN for no samples (every row of `npm run bench` reads it).

/** @param {number[]} values @param {number} p 0–100 */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
}
