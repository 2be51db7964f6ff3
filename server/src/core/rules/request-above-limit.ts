import type { DataOf, DataShape } from '../data-shape';
import { getMap, getPair, scalarText, type MapNode, type YamlPath } from '../parse/nodes';
import { formatCpu, formatMemory, parseCpu, parseMemory } from '../model/quantity';
import { RESOURCE_NAMES, type ResourceName } from '../model/resources';
import { defineRule, type RuleContext } from './types';
import { describeContainer } from '../model/containers';
import { containersOf } from '../model/pod';

/** The data of its findings: see data-shape.ts. */
const DATA = { container: 'string?', containerPath: 'path?', resource: 'string', request: 'string', limit: 'string', requestPath: 'path', limitPath: 'path' } as const satisfies DataShape;

export const rule = defineRule({
  id: 'request-above-limit',
  group: 'hygiene',
  defaultSeverity: 'error',
  summary: 'A CPU or memory request larger than its limit: the API server rejects the pod.',
  data: DATA,
  check(pod, context) {
    for (const container of containersOf(pod, { ephemeral: false })) {
      compare(getMap(container.node, 'resources'), [...container.path, 'resources'], describeContainer(container), context, {
        container: container.name,
        containerPath: container.path,
      });
    }
    compare(getMap(pod.spec, 'resources'), [...pod.path, 'resources'], 'the pod-level resources', context, {});
  },
});

function compare(resources: MapNode | undefined, resourcesPath: YamlPath, owner: string, context: RuleContext<DataOf<typeof DATA>>, base: Record<string, unknown>): void {
  const requests = getMap(resources, 'requests');
  const limits = getMap(resources, 'limits');
  if (!requests || !limits) return;
  for (const resource of RESOURCE_NAMES) {
    const requestPair = getPair(requests, resource);
    const limitText = scalarText(getPair(limits, resource)?.value);
    const requestText = scalarText(requestPair?.value);
    if (!requestPair || requestText === undefined || limitText === undefined) continue;
    const parse = resource === 'cpu' ? parseCpu : parseMemory;
    const request = parse(requestText);
    const limit = parse(limitText);
    if (request === undefined || limit === undefined || request <= limit) continue;
    context.report({
      pair: requestPair,
      target: 'value',
      message:
        `The ${label(resource)} request of ${owner} (${requestText}) is larger than its limit (${limitText}): the API server rejects the pod ` +
        `("must be less than or equal to ${resource} limit"). Raise the limit to at least ${format(resource, request)} or lower the request.`,
      data: {
        ...base,
        resource,
        request: requestText,
        limit: limitText,
        requestPath: [...resourcesPath, 'requests', resource],
        limitPath: [...resourcesPath, 'limits', resource],
      },
    });
  }
}

function label(resource: ResourceName): string {
  return resource === 'cpu' ? 'CPU' : 'memory';
}

function format(resource: ResourceName, amount: number): string {
  return resource === 'cpu' ? formatCpu(amount) : formatMemory(amount);
}
