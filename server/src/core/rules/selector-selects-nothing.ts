import { listInWords } from '../text/words';
import { resourceLabel, scopeLabel, selects, type IndexedResource } from '../workspace/index/workspace-index';
import type { SelectorFacts } from '../workspace/index/document-facts';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'selector-selects-nothing',
  group: 'workspace',
  defaultSeverity: 'warning',
  data: { nearestKind: 'string?', nearestName: 'string?' },
  summary: 'A Service, PodDisruptionBudget or NetworkPolicy whose selector picks no pod of the workloads the workspace defines in its namespace.',
  checkWorkspace(context) {
    const { resource, index } = context;
    for (const selector of resource.facts.selectors) {
      if (selector.kind.ownTemplate) continue;
      // A Service without a selector has its endpoints managed by hand (or by a controller): nothing to match.
      if (selector.kind.form === 'map' && selector.labels.size === 0) continue;
      if ([...selector.labels.values()].some((v) => v.includes('{{'))) continue;
      const workloads = index.workloadsIn(resource.namespace);
      // No workload here at all: the pods come from elsewhere (a chart, an operator), so there is nothing to compare.
      if (workloads.length === 0 || index.selectedBy(resource, selector).length > 0) continue;
      const nearest = nearestWorkload(selector, workloads);
      context.report({
        span: selector.span,
        message:
          `${selector.kind.field} of ${resourceLabel(resource)} selects no pod of the ${workloads.length === 1 ? 'workload' : `${workloads.length} workloads`} the workspace defines in ${scopeLabel(resource.namespace)}` +
          (selector.labels.size > 0 ? `: none has the labels ${labelsText(selector.labels)}.` : '.') +
          (nearest ? ` The closest is ${resourceLabel(nearest.resource)}, whose pods have ${labelsText(nearest.labels)}.` : ''),
        data: nearest ? { nearestKind: nearest.resource.facts.kind, nearestName: nearest.resource.facts.name } : undefined,
      });
    }
  },
});

function labelsText(labels: ReadonlyMap<string, string>): string {
  return labels.size === 0 ? 'no labels' : listInWords([...labels].map(([k, v]) => `${k}: ${v}`));
}

/** The workload whose pod labels agree with most of a map selector's pairs (at least one), for the hint. */
function nearestWorkload(selector: SelectorFacts, workloads: readonly IndexedResource[]): { resource: IndexedResource; labels: ReadonlyMap<string, string> } | undefined {
  let best: { resource: IndexedResource; labels: ReadonlyMap<string, string> } | undefined;
  let bestScore = 0;
  for (const resource of workloads) {
    for (const pod of resource.facts.pods) {
      if (selects(selector, pod.labels)) continue;
      let score = 0;
      for (const [key, value] of selector.labels) score += pod.labels.get(key) === value ? 2 : pod.labels.has(key) ? 1 : 0;
      if (score > bestScore) {
        best = { resource, labels: pod.labels };
        bestScore = score;
      }
    }
  }
  return best;
}
