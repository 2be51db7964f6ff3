import { getMap, getPair, scalarText, type MapNode } from '../parse/nodes';
import type { ContainerModel, PodSpecModel } from '../parse/pod';

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

const BINARY_SUFFIXES: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL_SUFFIXES: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/**
 * Reads a Kubernetes quantity ("500m", "0.5", "128Mi", "1G", "1e3", "1Ki") as a plain number of units
 * (cores or bytes); undefined when the text is not a quantity or is negative.
 */
export function parseQuantity(text: string | number | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = QUANTITY.exec(String(text).trim());
  if (!match) return undefined;
  const [, number, exponent, suffix] = match;
  const base = Number(number);
  const value = exponent ? base * 10 ** Number(exponent.slice(1)) : base * (BINARY_SUFFIXES[suffix ?? ''] ?? DECIMAL_SUFFIXES[suffix ?? '']);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** CPU is counted in whole millicores, rounded up, as the API server does. */
export function parseCpu(text: string | number | undefined): number | undefined {
  const cores = parseQuantity(text);
  return cores === undefined ? undefined : Math.ceil(round(cores * 1000)) / 1000;
}

/** Memory is counted in whole bytes, rounded up. */
export function parseMemory(text: string | number | undefined): number | undefined {
  const bytes = parseQuantity(text);
  return bytes === undefined ? undefined : Math.ceil(round(bytes));
}

/** 2 -> "2", 0.25 -> "250m". */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** 201326592 -> "192Mi", 1000000000 -> "1G", 1500 -> "1500". The largest unit that divides exactly. */
export function formatMemory(bytes: number): string {
  const whole = Math.round(bytes);
  if (whole === 0) return '0';
  for (const [suffix, factor] of [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (whole % factor === 0) return `${whole / factor}${suffix}`;
  }
  for (const [suffix, factor] of [['E', 1e18], ['P', 1e15], ['T', 1e12], ['G', 1e9], ['M', 1e6], ['k', 1e3]] as const) {
    if (whole % factor === 0) return `${whole / factor}${suffix}`;
  }
  return String(whole);
}

/**
 * The pod's effective requests and limits by the formula of KEP-753 (sidecar containers):
 * for init container i, use(i) = sum(native sidecars before i) + init(i);
 * pod = max(max_i use(i), sum(native sidecars) + sum(containers)) + overhead.
 * Order matters: a sidecar started before a big init container runs alongside it. Pod-level resources
 * (spec.resources), when they state a value, replace the container sum for it.
 */
export function effectivePodResources(pod: PodSpecModel): EffectivePodResources {
  const byContainer = [...pod.initContainers, ...pod.containers].map(readContainer);
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
      result[group][resource] = resource === 'cpu' ? round(value) : Math.round(value);
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
      initPeakName = container.name ?? `${container.list}[${container.index}]`;
    }
  });
  const steady = sidecars + running;
  return initPeak > steady ? { value: initPeak, decidedBy: `init:${initPeakName}` } : { value: steady, decidedBy: 'containers' };
}

function readContainer(container: ContainerModel): ContainerResources {
  const resources = getMap(container.node, 'resources');
  const unreadable: string[] = [];
  const limits = readAmounts(getMap(resources, 'limits'), unreadable, 'limits');
  const requests = readAmounts(getMap(resources, 'requests'), unreadable, 'requests');
  for (const resource of RESOURCE_NAMES) {
    if (requests[resource] === undefined && limits[resource] !== undefined) requests[resource] = limits[resource];
  }
  return { name: container.name, role: container.role, list: container.list, index: container.index, requests, limits, unreadable };
}

function readAmounts(map: MapNode | undefined, unreadable: string[], label = ''): ResourceAmounts {
  const amounts: ResourceAmounts = {};
  for (const resource of RESOURCE_NAMES) {
    const text = scalarText(getPair(map, resource)?.value);
    if (text === undefined) continue;
    const value = resource === 'cpu' ? parseCpu(text) : parseMemory(text);
    if (value === undefined) unreadable.push(label ? `${label}.${resource}` : resource);
    else amounts[resource] = value;
  }
  return amounts;
}

/** Drops floating-point noise (0.1 + 0.2) before rounding to millicores or bytes. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
