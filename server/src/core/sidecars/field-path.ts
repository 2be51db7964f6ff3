import type { YamlPath } from '../parse/nodes';
import type { ContainerModel } from '../parse/pod';

/** A path as the API server spells it in its errors: `spec.template.spec.initContainers[0].restartPolicy`. */
export function apiFieldPath(path: YamlPath): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else text += text ? `.${step}` : step;
  }
  return text;
}

/** How messages name a container: `"envoy"`, or `initContainers[2]` when it has no name yet. */
export function containerLabel(container: ContainerModel): string {
  return container.name !== undefined ? `"${container.name}"` : `${container.list}[${container.index}]`;
}

/** What quick fixes need to find a container again. */
export function containerData(container: ContainerModel): { container: string | undefined; containerPath: YamlPath; list: string; index: number } {
  return { container: container.name, containerPath: container.path, list: container.list, index: container.index };
}

/** The node that stands for a container in a diagnostic: its `name` value, else its first key. */
export function containerAnchor(container: ContainerModel): unknown {
  return container.nameNode ?? container.node.items[0]?.key ?? container.node;
}
