import { asMap, getMap, getPair, getSeq, keyText, scalarText, type PairNode } from '../parse/nodes';
import { labelMap, labelSelectorMatches } from '../model/labels';
import { kindValidation } from '../kubernetes/object-validation';
import { defineRule } from './types';

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
    const labels = labelMap(labelsPair?.value);
    if (/\{\{/.test(document.text) && [...labels.values()].some((v) => v.includes('{{'))) return;
    if (labelSelectorMatches(selector, labels)) return;
    const missing = (getMap(selector, 'matchLabels')?.items ?? [])
      .map((pair) => [keyText(pair), scalarText(pair.value) ?? ''] as const)
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
