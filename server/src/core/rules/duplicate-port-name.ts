import { asMap, getPair, getSeq, nodeSpan, scalarText } from '../parse/nodes';
import { duplicateValue } from '../kubernetes/api-errors';
import { containersOf } from '../model/pod';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'duplicate-port-name',
  group: 'api-server',
  defaultSeverity: 'error',
  summary: 'Two ports of one container share a name: the API server rejects the pod (validateContainerPorts).',
  data: { containerPath: 'path', portIndex: 'number', otherPortIndex: 'number' },
  check(pod, context) {
    for (const container of containersOf(pod, { ephemeral: true })) {
      const seen = new Map<string, number>();
      getSeq(container.node, 'ports')?.items.forEach((item, index) => {
        const pair = getPair(asMap(item), 'name');
        const name = scalarText(pair?.value);
        if (!pair || !name || !nodeSpan(pair.value)) return;
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, index);
          return;
        }
        const path = [...container.path, 'ports', index, 'name'];
        context.report({
          pair,
          target: 'value',
          message: `${duplicateValue(path, name)}: port ${first + 1} of this container already has that name; port names must be unique within a container.`,
          data: { containerPath: container.path, portIndex: index, otherPortIndex: first },
        });
      });
    }
  },
});
