import { getPair, keySpan, type PairNode, type YamlPath } from '../parse/nodes';
import type { ContainerModel } from './pod';
import type { DataOf, DataShape } from '../data-shape';

const ROLE_WORDS: Record<ContainerModel['role'], string> = {
  app: 'container',
  init: 'init container',
  'native-sidecar': 'native sidecar',
  ephemeral: 'ephemeral container',
};

/** A path as the API server spells it in its errors: `spec.template.spec.initContainers[0].restartPolicy`. */
export function apiFieldPath(path: YamlPath): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else text += text ? `.${step}` : step;
  }
  return text;
}

/**
 * A container's name, or where it sits when it has none yet: `initContainers[2]`, 0-based like the API field
 * path the API server names it by (an empty name counts as none). Unquoted: for data and lists.
 */
export function containerKey(container: Pick<ContainerModel, 'name' | 'list' | 'index'>): string {
  return container.name ? container.name : `${container.list}[${container.index}]`;
}

/** How messages name a container: `"envoy"`, or `initContainers[2]` when it has no name yet. */
export function containerLabel(container: ContainerModel): string {
  return container.name ? `"${container.name}"` : containerKey(container);
}

/** `native sidecar "envoy"`, `container containers[1]` for an unnamed one: a container with its role. */
export function describeContainer(container: ContainerModel): string {
  return `${ROLE_WORDS[container.role]} ${containerLabel(container)}`;
}

/** `Native sidecar "envoy"`: describeContainer at the start of a sentence. */
export function describeContainerCapitalized(container: ContainerModel): string {
  const text = describeContainer(container);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What quick fixes need to find a container again. */
/** The data shape of `containerData`, spread into the `data` shape of a rule that reports it. */
export const CONTAINER_DATA = { container: 'string?', containerPath: 'path', list: 'string', index: 'number' } as const satisfies DataShape;

export function containerData(container: ContainerModel): DataOf<typeof CONTAINER_DATA> {
  return { container: container.name, containerPath: container.path, list: container.list, index: container.index };
}

/**
 * What to underline for a finding about a whole container: its name value (how people find a container), else
 * its first key, so a nameless container being typed still gets a visible mark. Spread into a rule report.
 */
export function containerAnchor(container: ContainerModel): { pair: PairNode; target: 'key' | 'value' } | undefined {
  const namePair = getPair(container.node, 'name');
  if (namePair && keySpan(namePair)) return { pair: namePair, target: 'value' };
  const first = container.node.items[0];
  return first ? { pair: first, target: 'key' } : undefined;
}
