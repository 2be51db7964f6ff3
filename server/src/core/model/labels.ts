import { asMap, asSeq, getMap, getPair, getSeq, keyText, scalarText, type MapNode } from '../parse/nodes';

/** A label map as kubectl reads it (`key: value` pairs of a YAML map; a missing value is the empty string). */
export function labelMap(node: unknown): Map<string, string> {
  const labels = new Map<string, string>();
  for (const pair of asMap(node)?.items ?? []) {
    const key = keyText(pair);
    if (key !== undefined) labels.set(key, scalarText(pair.value) ?? '');
  }
  return labels;
}

/**
 * labels.Selector.Matches for a LabelSelector (matchLabels and matchExpressions), as
 * apimachinery/pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector builds it. An empty selector matches everything.
 */
export function labelSelectorMatches(selector: MapNode, labels: ReadonlyMap<string, string>): boolean {
  for (const pair of getMap(selector, 'matchLabels')?.items ?? []) {
    const key = keyText(pair);
    if (key !== undefined && labels.get(key) !== (scalarText(pair.value) ?? '')) return false;
  }
  for (const item of getSeq(selector, 'matchExpressions')?.items ?? []) {
    const expression = asMap(item);
    const key = scalarText(getPair(expression, 'key')?.value);
    const operator = scalarText(getPair(expression, 'operator')?.value);
    const values = (asSeq(getPair(expression, 'values')?.value)?.items ?? []).map(scalarText);
    if (key === undefined) continue;
    const value = labels.get(key);
    if (operator === 'In' && (value === undefined || !values.includes(value))) return false;
    if (operator === 'NotIn' && value !== undefined && values.includes(value)) return false;
    if (operator === 'Exists' && value === undefined) return false;
    if (operator === 'DoesNotExist' && value !== undefined) return false;
  }
  return true;
}

/**
 * A Service's `selector` (a plain map, SelectorFromValidatedSet): every pair must be among the labels. An empty map
 * selects nothing for a Service (no endpoints are managed), so callers treat it as "no selector".
 */
export function mapSelectorMatches(selector: ReadonlyMap<string, string>, labels: ReadonlyMap<string, string>): boolean {
  for (const [key, value] of selector) if (labels.get(key) !== value) return false;
  return true;
}
