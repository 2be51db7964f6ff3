import { getPair } from '../parse/nodes';
import { containerAnchor } from '../model/containers';
import { requiredValue } from '../kubernetes/api-errors';
import { containersOf } from '../model/pod';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'missing-image',
  group: 'api-server',
  defaultSeverity: 'error',
  summary: 'A container without an image: the API server rejects the Pod, or the workload, with `image: Required value`.',
  data: { containerPath: 'path' },
  check(pod, context) {
    for (const container of containersOf(pod, { ephemeral: true })) {
      if (container.image !== undefined && container.image !== '') continue;
      const imagePair = getPair(container.node, 'image');
      const anchor = imagePair ? { pair: imagePair, target: 'value' as const } : containerAnchor(container);
      if (!anchor) continue;
      context.report({
        ...anchor,
        // validateContainerCommon: `if len(ctr.Image) == 0 { field.Required(path.Child("image"), "") }`.
        message: `${requiredValue([...container.path, 'image'])}: every container needs an image (the schema marks it optional only so that tools such as kustomize can set it).`,
        data: { containerPath: container.path },
      });
    }
  },
});
