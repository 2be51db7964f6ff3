import { getMap, getPair, scalarText, type MapNode } from '../parse/nodes';
import { containerKey } from './containers';
import { containersOf, type ContainerModel, type PodSpecModel } from './pod';
import type { InjectedContainer, PodEntry } from './injection';
import { formatCpu, formatMemory, parseCpu, parseMemory, roundUnits } from './quantity';

export type ResourceName = 'cpu' | 'memory';
export const RESOURCE_NAMES: readonly ResourceName[] = ['cpu', 'memory'];

/** CPU in cores (0.5 = "500m"), memory in bytes. */
export interface ResourceAmounts {
  cpu?: number;
  memory?: number;
}

export interface ResourceTexts {
  cpu?: string;
  memory?: string;
}

export interface ContainerResources {
  name?: string;
  role: ContainerModel['role'];
  list: ContainerModel['list'];
  index: number;
  /** A request left out defaults to the limit, as the API server does. */
  requests: ResourceAmounts;
  limits: ResourceAmounts;
  /** Quantities that could not be read (`cpu: "lots"`), as "limits.cpu": such a value counts as absent. */
  unreadable: string[];
  /** Added at admission by a mesh or agent injector (its defaults, or the pod's resource annotations). */
  injected?: boolean;
}

export interface EffectivePodResources {
  /** What the scheduler reserves for the pod; undefined when no container states the resource. */
  requests: ResourceAmounts;
  /** The pod's ceiling; undefined when a container has no limit for it (the pod is then unbounded). */
  limits: ResourceAmounts;
  /** Pod overhead (spec.overhead, normally set by a RuntimeClass), included in requests and limits. */
  overhead: ResourceAmounts;
  byContainer: ContainerResources[];
  /**
   * What decided each value: "containers" (the running phase: native sidecars plus app containers),
   * "init:<name>" (an init container while the sidecars started before it run) or "pod" (pod-level resources).
   */
  decidedBy: { requests: ResourceTexts; limits: ResourceTexts };
  formatted: { requests: ResourceTexts; limits: ResourceTexts };
}

/**
 * The pod's effective requests and limits by the formula of KEP-753 (sidecar containers):
 * for init container i, use(i) = sum(native sidecars before i) + init(i);
 * pod = max(max_i use(i), sum(native sidecars) + sum(containers)) + overhead.
 * Order matters: a sidecar started before a big init container runs alongside it. Pod-level resources
 * (spec.resources), when they state a value, replace the container sum for it.
 */
export function effectivePodResources(pod: PodSpecModel, admitted?: { initContainers: readonly PodEntry[]; containers: readonly PodEntry[] }): EffectivePodResources {
  // With `admitted` (model/injection.ts admittedPod), the containers the injectors add count too, in their place.
  const byContainer = admitted
    ? [...admitted.initContainers, ...admitted.containers].map((entry, index) =>
        entry.container ? readContainer(entry.container) : readInjected(entry.injected as InjectedContainer, index),
      )
    : containersOf(pod, { ephemeral: false }).map(readContainer);
  const overhead = readAmounts(getMap(pod.spec, 'overhead'), []);
  const podLevel = getMap(pod.spec, 'resources');
  const result: EffectivePodResources = {
    requests: {},
    limits: {},
    overhead,
    byContainer,
    decidedBy: { requests: {}, limits: {} },
    formatted: { requests: {}, limits: {} },
  };
  for (const group of ['requests', 'limits'] as const) {
    const podLevelAmounts = readAmounts(getMap(podLevel, group), []);
    for (const resource of RESOURCE_NAMES) {
      let value: number | undefined;
      let decidedBy: string | undefined;
      const stated = podLevelAmounts[resource] ?? (group === 'requests' ? readAmounts(getMap(podLevel, 'limits'), [])[resource] : undefined);
      if (stated !== undefined) {
        value = stated;
        decidedBy = 'pod';
      } else {
        const combined = combine(byContainer, group, resource);
        if (combined) ({ value, decidedBy } = combined);
      }
      if (value === undefined) continue;
      value += overhead[resource] ?? 0;
      result[group][resource] = resource === 'cpu' ? roundUnits(value) : Math.round(value);
      result.decidedBy[group][resource] = decidedBy;
      result.formatted[group][resource] = resource === 'cpu' ? formatCpu(value) : formatMemory(value);
    }
  }
  return result;
}

function combine(containers: ContainerResources[], group: 'requests' | 'limits', resource: ResourceName): { value: number; decidedBy: string } | undefined {
  const amounts = containers.map((c) => c[group][resource]);
  if (amounts.every((a) => a === undefined)) return undefined;
  // One container without a limit makes the whole pod unbounded for that resource.
  if (group === 'limits' && amounts.some((a) => a === undefined)) return undefined;
  let sidecars = 0;
  let running = 0;
  let initPeak = -1;
  let initPeakName = '';
  containers.forEach((container, i) => {
    const amount = amounts[i] ?? 0;
    if (container.list === 'containers') {
      running += amount;
      return;
    }
    if (container.role === 'native-sidecar') sidecars += amount;
    // A sidecar's own start counts too: the sidecars before it plus itself (never more than the running phase).
    const use = container.role === 'native-sidecar' ? sidecars : sidecars + amount;
    if (use > initPeak) {
      initPeak = use;
      initPeakName = containerKey(container);
    }
  });
  const steady = sidecars + running;
  return initPeak > steady ? { value: initPeak, decidedBy: `init:${initPeakName}` } : { value: steady, decidedBy: 'containers' };
}

function readContainer(container: ContainerModel): ContainerResources {
  const resources = getMap(container.node, 'resources');
  const texts = (group: string): ResourceTexts => {
    const map = getMap(resources, group);
    return { cpu: scalarText(getPair(map, 'cpu')?.value), memory: scalarText(getPair(map, 'memory')?.value) };
  };
  return { name: container.name, role: container.role, list: container.list, index: container.index, ...readResources(texts('requests'), texts('limits')) };
}

function readInjected(container: InjectedContainer, index: number): ContainerResources {
  return { name: container.name, role: container.role, list: container.list, index, ...readResources(container.requests, container.limits), injected: true };
}

/** Requests and limits from their texts; a request left out defaults to the limit, as the API server does. */
function readResources(requestTexts: ResourceTexts, limitTexts: ResourceTexts): Pick<ContainerResources, 'requests' | 'limits' | 'unreadable'> {
  const unreadable: string[] = [];
  const limits = readTexts(limitTexts, unreadable, 'limits');
  const requests = readTexts(requestTexts, unreadable, 'requests');
  for (const resource of RESOURCE_NAMES) {
    if (requests[resource] === undefined && limits[resource] !== undefined) requests[resource] = limits[resource];
  }
  return { requests, limits, unreadable };
}

function readAmounts(map: MapNode | undefined, unreadable: string[], label = ''): ResourceAmounts {
  return readTexts({ cpu: scalarText(getPair(map, 'cpu')?.value), memory: scalarText(getPair(map, 'memory')?.value) }, unreadable, label);
}

function readTexts(texts: ResourceTexts, unreadable: string[], label = ''): ResourceAmounts {
  const amounts: ResourceAmounts = {};
  for (const resource of RESOURCE_NAMES) {
    const text = texts[resource];
    if (text === undefined) continue;
    const value = resource === 'cpu' ? parseCpu(text) : parseMemory(text);
    if (value === undefined) unreadable.push(label ? `${label}.${resource}` : resource);
    else amounts[resource] = value;
  }
  return amounts;
}
