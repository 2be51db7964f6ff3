import type { ContainerModel, PodSpecModel } from '../../parse/pod';

const ROLE_WORDS: Record<ContainerModel['role'], string> = {
  app: 'container',
  init: 'init container',
  'native-sidecar': 'native sidecar',
  ephemeral: 'ephemeral container',
};

/** `native sidecar "envoy"`, `container #2` for an unnamed one: how messages name a container. */
export function describeContainer(container: ContainerModel): string {
  const word = ROLE_WORDS[container.role];
  return container.name ? `${word} "${container.name}"` : `${word} #${container.index + 1} of ${container.list}`;
}

export { containerAnchor } from '../../sidecars/field-path';

/** `Native sidecar "envoy"`: describeContainer at the start of a sentence. */
export function describeContainerCapitalized(container: ContainerModel): string {
  const text = describeContainer(container);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every container of the pod in start order, ephemeral (debug) containers last. */
export function everyContainer(pod: PodSpecModel): ContainerModel[] {
  return [...pod.initContainers, ...pod.containers, ...pod.ephemeralContainers];
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
