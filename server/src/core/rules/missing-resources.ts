import { getMap, getPair, type MapNode } from '../parse/nodes';
import { isClassicSidecar } from '../model/product';
import { containersOf } from '../model/pod';
import { defineRule } from './types';
import { containerAnchor, describeContainerCapitalized } from '../model/containers';

/**
 * What every container should state. A request defaults to its limit when only the limit is given, so a limit
 * alone satisfies the request too. A CPU limit is not asked for: it throttles bursts, and many teams leave it
 * off on purpose; a memory limit is what keeps one container from starving the node.
 */
const REQUIRED = ['requests.cpu', 'requests.memory', 'limits.memory'] as const;
type Requirement = (typeof REQUIRED)[number];

export const rule = defineRule({
  id: 'missing-resources',
  group: 'hygiene',
  defaultSeverity: 'warning',
  summary: 'A container without CPU and memory requests and a memory limit: the scheduler cannot place it well and it can starve its neighbours.',
  data: { container: 'string?', containerPath: 'path', role: 'string', missing: 'strings', missingRequests: 'strings', missingLimits: 'strings', resourcesPath: 'path?' },
  check(pod, context) {
    // Pod-level resources (spec.resources, Kubernetes 1.32+) cover every container for what they state.
    const podLevel = getMap(pod.spec, 'resources');
    // Ephemeral containers may not set resources; they share what the pod has.
    for (const container of containersOf(pod, { ephemeral: false })) {
      const resources = getMap(container.node, 'resources');
      const missing = REQUIRED.filter((requirement) => !states(resources, requirement) && !states(podLevel, requirement));
      if (missing.length === 0) continue;
      const anchor = containerAnchor(container);
      if (!anchor) continue;
      const subject = `${describeContainerCapitalized(container)} has ${describeMissing(missing)}`;
      const message =
        container.role === 'native-sidecar' || isClassicSidecar(pod, container)
          ? `${subject}: keep sidecars lightweight: set small requests and limits (a sidecar adds to the request of every replica for the pod's whole life).`
          : container.role === 'init'
            ? `${subject}: set requests and limits (the pod's effective request is at least its largest init container's, plus the sidecars started before it).`
            : `${subject}: ${appConsequences(missing)}.`;
      context.report({
        ...anchor,
        message,
        // A regular init container runs alone, to completion, before the app starts: it never competes with the
        // app containers, and the pod's request is already at least the app's (KEP-753: max of the two), so a
        // missing value there is a note, not a warning (measured: 12 of the 125 warnings on the real-world set).
        ...(container.role === 'init' ? { severity: 'info' as const } : {}),
        data: {
          container: container.name,
          containerPath: container.path,
          role: container.role,
          missing,
          missingRequests: missing.filter((m) => m.startsWith('requests.')).map((m) => m.slice('requests.'.length)),
          missingLimits: missing.filter((m) => m.startsWith('limits.')).map((m) => m.slice('limits.'.length)),
          resourcesPath: getPair(container.node, 'resources') ? [...container.path, 'resources'] : undefined,
        },
      });
    }
  },
});

function states(resources: MapNode | undefined, requirement: Requirement): boolean {
  const [group, resource] = requirement.split('.') as ['requests' | 'limits', string];
  if (getPair(getMap(resources, group), resource)) return true;
  return group === 'requests' && !!getPair(getMap(resources, 'limits'), resource);
}

function describeMissing(missing: readonly Requirement[]): string {
  const requests = missing.filter((m) => m.startsWith('requests.')).map((m) => m.slice('requests.'.length));
  const parts: string[] = [];
  if (requests.length === 2) parts.push('no CPU or memory request');
  else if (requests.length === 1) parts.push(`no ${requests[0] === 'cpu' ? 'CPU' : 'memory'} request`);
  if (missing.includes('limits.memory')) parts.push('no memory limit');
  return parts.join(' and ');
}

function appConsequences(missing: readonly Requirement[]): string {
  const parts: string[] = [];
  if (missing.some((m) => m.startsWith('requests.'))) parts.push('without requests the scheduler places it blindly');
  if (missing.includes('limits.memory')) parts.push("without a memory limit it can take the node's memory from its neighbours");
  return parts.join(', and ');
}
