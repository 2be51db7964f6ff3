import type { DataOf, DataShape } from '../data-shape';
import { asMap, asScalar, getMap, getPair, getSeq, type MapNode, type PairNode, type YamlPath } from '../parse/nodes';
import { containersOf } from '../model/pod';
import { quantityError, suggestQuantity } from '../model/quantity';
import { apiFieldPath } from '../model/containers';
import { defineRule, type RuleContext } from './types';

/** The data of its findings: see data-shape.ts. */
const DATA = { valuePath: 'path', replacement: 'string?' } as const satisfies DataShape;

/** Each entry of a resource list (`requests`, `limits`, `overhead`): the API prints them as `limits[memory]`. */
function checkQuantities(context: RuleContext<DataOf<typeof DATA>>, map: MapNode | undefined, path: YamlPath): void {
  for (const pair of map?.items ?? []) {
    const key = asScalar(pair.key)?.value;
    if (typeof key === 'string') checkQuantity(context, pair, [...path, key], `${apiFieldPath(path)}[${key}]`);
  }
}

function checkQuantity(context: RuleContext<DataOf<typeof DATA>>, pair: PairNode, valuePath: YamlPath, field: string): void {
  {
    const scalar = asScalar(pair.value);
    if (!scalar) return;
    const value = scalar.value;
    if (typeof value !== 'string' && typeof value !== 'number') return;
    if (typeof value === 'string' && /\{\{|\$\{/.test(value)) return;
    const error = quantityError(value);
    const negative = typeof value === 'number' ? value < 0 : /^\s*-/.test(value);
    if (!error && !negative) return;
    const suggestion = typeof value === 'string' ? suggestQuantity(value) : undefined;
    context.report({
      pair,
      target: 'value',
      message: error
        ? `${field}: ${JSON.stringify(String(value))}: ${error}: the API server cannot decode the object.${suggestion ? ` Did you mean ${suggestion}?` : ' Units are n, u, m, k, M, G, T, P, E (powers of 10) and Ki, Mi, Gi, Ti, Pi, Ei (powers of 2).'}`
        : `${field}: Invalid value: ${JSON.stringify(String(value))}: must be greater than or equal to 0`,
      data: { valuePath, ...(suggestion ? { replacement: suggestion } : {}) },
    });
  }
}

export const rule = defineRule({
  id: 'invalid-quantity',
  group: 'api-server',
  defaultSeverity: 'error',
  summary: 'A resource quantity Kubernetes cannot read ("1GB", "100MB", "1.5 cores", "1e3Mi") or a negative one, in requests, limits, pod overhead or an emptyDir sizeLimit.',
  data: DATA,
  check(pod, context) {
    for (const container of containersOf(pod, { ephemeral: true })) {
      const resources = getMap(container.node, 'resources');
      for (const group of ['requests', 'limits']) checkQuantities(context, getMap(resources, group), [...container.path, 'resources', group]);
    }
    const podResources = getMap(pod.spec, 'resources');
    for (const group of ['requests', 'limits']) checkQuantities(context, getMap(podResources, group), [...pod.path, 'resources', group]);
    checkQuantities(context, getMap(pod.spec, 'overhead'), [...pod.path, 'overhead']);
    getSeq(pod.spec, 'volumes')?.items.forEach((item, index) => {
      const emptyDir = getMap(asMap(item), 'emptyDir');
      const sizeLimit = getPair(emptyDir, 'sizeLimit');
      const path = [...pod.path, 'volumes', index, 'emptyDir', 'sizeLimit'];
      if (sizeLimit) checkQuantity(context, sizeLimit, path, apiFieldPath(path));
    });
  },
});
