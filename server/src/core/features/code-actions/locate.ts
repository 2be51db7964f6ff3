import type { ParsedDocument } from '../../parse/document';
import { asMap, nodeSpan, resolvePath, type YamlPath } from '../../parse/nodes';
import { containersOf, type ContainerModel, type DerivedPodLocations, type PodSpecModel, podsOf } from '../../model/pod';

function contains(node: unknown, offset: number): boolean {
  const span = nodeSpan(node);
  return !!span && offset >= span.start && offset <= span.end;
}

/** The pod spec whose map holds `offset` (the workload's own pod template). */
export function podAt(document: ParsedDocument, offset: number, derived?: DerivedPodLocations): PodSpecModel | undefined {
  const pods = podsOf(document, derived);
  return pods.find((pod) => contains(pod.spec, offset)) ?? pods[0];
}

/** The container (init, app or ephemeral) whose map holds `offset`. */
export function containerAt(pod: PodSpecModel | undefined, offset: number): ContainerModel | undefined {
  if (!pod) return undefined;
  // A binary search over the containers in text order: one lookup per diagnostic stays cheap in a huge pod.
  const sorted = byStart(pod);
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  const found = sorted[low];
  return found && contains(found.container.node, offset) ? found.container : undefined;
}

const sortedContainers = new WeakMap<PodSpecModel, { start: number; container: ContainerModel }[]>();

/** The pod's containers with a span, by where they start (sibling maps never overlap). */
function byStart(pod: PodSpecModel): { start: number; container: ContainerModel }[] {
  let sorted = sortedContainers.get(pod);
  if (!sorted) {
    sorted = [];
    for (const container of containersOf(pod, { ephemeral: true })) {
      const span = nodeSpan(container.node);
      if (span) sorted.push({ start: span.start, container });
    }
    sorted.sort((a, b) => a.start - b.start);
    sortedContainers.set(pod, sorted);
  }
  return sorted;
}

/** The container a `containerPath` in a diagnostic's data points at, when it still resolves to one. */
export function containerByPath(pod: PodSpecModel | undefined, path: YamlPath | undefined): ContainerModel | undefined {
  if (!pod || !path) return undefined;
  const node = asMap(resolvePath(pod.document.root, path)?.node);
  return node ? containersOf(pod, { ephemeral: true }).find((c) => c.node === node) : undefined;
}
