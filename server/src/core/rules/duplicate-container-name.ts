import { nodeSpan } from '../parse/nodes';
import { containersOf, type ContainerModel } from '../model/pod';
import { apiFieldPath, CONTAINER_DATA, containerData } from '../model/containers';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'duplicate-container-name',
  group: 'identity',
  defaultSeverity: 'error',
  summary: 'Two containers of a pod share a name: names must be unique across `containers`, `initContainers` and `ephemeralContainers`.',
  data: { ...CONTAINER_DATA, otherContainerPath: 'path', name: 'string?' },
  check(pod, context) {
    const named = containersOf(pod, { ephemeral: true }).filter(
      (c): c is ContainerModel & { name: string } => c.name !== undefined && c.name !== '' && !!c.nameNode,
    );
    // The later one in the file is the duplicate: the reader met the first one already.
    named.sort((a, b) => (nodeSpan(a.nameNode)?.start ?? 0) - (nodeSpan(b.nameNode)?.start ?? 0));
    const first = new Map<string, ContainerModel>();
    for (const container of named) {
      const earlier = first.get(container.name);
      if (!earlier) {
        first.set(container.name, container);
        continue;
      }
      const field = apiFieldPath([...container.path, 'name']);
      context.report({
        node: container.nameNode,
        message:
          `\`${field}: Duplicate value: "${container.name}"\`: the name is already used by \`${apiFieldPath(earlier.path)}\`. ` +
          'Container names must be unique across containers, init containers and ephemeral containers.',
        data: { ...containerData(container), otherContainerPath: earlier.path, name: container.name },
      });
    }
  },
});
