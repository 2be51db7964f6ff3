import { asMap, asSeq, getMap, getPair, getSeq, keyText, scalarText, type MapNode, type PairNode } from '../parse/nodes';
import { kindValidation } from '../kubernetes/object-validation';
import { defineRule } from './types';

/** labels.Selector.Matches for a LabelSelector (matchLabels and matchExpressions). */
function selects(selector: MapNode, labels: ReadonlyMap<string, string>): boolean {
  for (const pair of getMap(selector, 'matchLabels')?.items ?? []) {
    const key = keyText(pair);
    if (key !== undefined && labels.get(key) !== scalarText(pair.value)) return false;
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

/** Go's %v of a map[string]string, as the API server prints the template's labels. */
function goMap(labels: ReadonlyMap<string, string>): string {
  return `map[string]string{${[...labels].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(', ')}}`;
}

export const rule = defineRule({
  id: 'selector-mismatch',
  group: 'api-server',
  defaultSeverity: 'error',
  summary: "A Deployment, StatefulSet, DaemonSet or ReplicaSet whose selector is empty or does not select its own pod template's labels: the API server rejects it.",
  data: { missingLabels: 'labels' },
  checkDocument(document, context) {
    const rules = kindValidation(document.apiVersion, document.kind)?.selector;
    if (!rules) return;
    const spec = getMap(document.root, 'spec');
    const selectorPair = getPair(spec, 'selector');
    const selector = asMap(selectorPair?.value);
    // A missing selector is the schema's missing-required-field.
    if (!selectorPair || !selector) return;
    if ((getMap(selector, 'matchLabels')?.items.length ?? 0) + (getSeq(selector, 'matchExpressions')?.items.length ?? 0) === 0) {
      context.report({ pair: selectorPair, message: `spec.selector: Invalid value: {}: ${rules.emptyMessage}: a selector with no matchLabels or matchExpressions would select every pod.` });
      return;
    }
    const templateMetadata = getMap(getMap(spec, 'template'), 'metadata');
    const labelsPair: PairNode | undefined = getPair(templateMetadata, 'labels');
    const labels = new Map<string, string>();
    for (const pair of asMap(labelsPair?.value)?.items ?? []) {
      const key = keyText(pair);
      const value = scalarText(pair.value);
      if (key !== undefined) labels.set(key, value ?? '');
    }
    if (/\{\{/.test(document.text) && [...labels.values()].some((v) => v.includes('{{'))) return;
    if (selects(selector, labels)) return;
    const missing = (getMap(selector, 'matchLabels')?.items ?? [])
      .map((pair) => [keyText(pair), scalarText(pair.value)] as const)
      .filter(([key, value]) => key !== undefined && labels.get(key) !== value);
    context.report({
      ...(labelsPair ? { pair: labelsPair } : { pair: selectorPair }),
      message:
        `spec.template.metadata.labels: Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\`` +
        (missing.length ? `: the template lacks ${missing.map(([k, v]) => `${k}: ${v}`).join(', ')}.` : '.'),
      data: { missingLabels: Object.fromEntries(missing) },
    });
  },
});
