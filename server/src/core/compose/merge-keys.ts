/**
 * What applyMergeKeys made of each object it read. Parsed data is never changed (ParsedDocument.value), and after
 * an edit of one Compose service the other services' data are the same objects (parse/incremental.ts), so their
 * expansion is kept rather than copied again.
 */
const expanded = new WeakMap<object, unknown>();

/**
 * Applies YAML merge keys (`<<: *defaults`, `<<: [*a, *b]`) to a document's plain data, as Compose does
 * (YAML 1.1 semantics: own keys win, then earlier merged maps over later ones). The parser reads YAML 1.2,
 * where `<<` is an ordinary key, so without this every merge would be an "unknown field".
 */
export function applyMergeKeys(value: unknown, seen: Pick<WeakMap<object, unknown>, 'get' | 'set'> = expanded): unknown {
  if (value === null || typeof value !== 'object') return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const list: unknown[] = [];
    seen.set(value, list);
    for (const item of value) list.push(applyMergeKeys(item, seen));
    return list;
  }
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  seen.set(value, result);
  if ('<<' in source) {
    const merged = source['<<'];
    const maps = Array.isArray(merged) ? merged : [merged];
    // later sources first, so earlier ones overwrite them
    for (const map of [...maps].reverse()) {
      const expanded = applyMergeKeys(map, seen);
      if (expanded && typeof expanded === 'object' && !Array.isArray(expanded)) Object.assign(result, expanded);
    }
  }
  for (const [key, item] of Object.entries(source)) {
    if (key !== '<<') result[key] = applyMergeKeys(item, seen);
  }
  return result;
}
