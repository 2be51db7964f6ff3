import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Span } from './nodes';

/**
 * Duplicate keys of every map in a document, in document order, each with the span of the repeated key.
 *
 * The `yaml` parser's own check (`uniqueKeys: true`) compares each key with every earlier key of its map,
 * which is quadratic: a 40,000-key ConfigMap took 9 s. This is the same test — two scalar keys are the same
 * key when their values are `===` — with one set per map, so it is linear in the number of keys. Keys that are
 * collections or aliases are never equal to another key, as in `yaml`.
 */
export function findDuplicateKeys(root: unknown): Span[] {
  const found: Span[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const item of node.items) {
        const key: unknown = item.key;
        if (isScalar(key) && key.range && isComparable(key.value)) {
          if (seen.has(key.value)) found.push({ start: key.range[0], end: Math.max(key.range[1], key.range[0] + 1) });
          else seen.add(key.value);
        }
        stack.push(item.key, item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      // A pair straight inside a sequence (`[a: 1]` is a one-pair map in yaml, but be safe).
      stack.push(node.key, node.value);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Values `===` can match with another scalar's value: not NaN (never equal to itself), not objects (identity only). */
function isComparable(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isNaN(value);
  return value === null || value === undefined || (typeof value !== 'object' && typeof value !== 'function');
}
