import { asMap, asSeq, getPair, scalarText } from '../parse/nodes';
import { allContainers } from '../parse/pod';
import type { Rule } from './types';
import { closest } from '../text/closest';

export const rule: Rule = {
  id: 'undefined-volume',
  defaultSeverity: 'error',
  summary: 'A volumeMount names a volume that the pod does not declare.',
  check(pod, context) {
    const declared = pod.volumes.map((v) => v.name).filter((n): n is string => !!n);
    for (const container of [...allContainers(pod), ...pod.ephemeralContainers]) {
      const mounts = asSeq(getPair(container.node, 'volumeMounts')?.value);
      if (!mounts) continue;
      mounts.items.forEach((item, index) => {
        const namePair = getPair(asMap(item), 'name');
        const name = scalarText(namePair?.value);
        if (!namePair || name === undefined || declared.includes(name)) return;
        const suggestion = closest(name, declared);
        context.report({
          pair: namePair,
          target: 'value',
          message:
            `Volume "${name}" is mounted by container "${container.name ?? '?'}" but not declared in the pod's volumes.` +
            (suggestion ? ` Did you mean "${suggestion}"?` : ' Add it under spec.volumes (an emptyDir to share files between containers).'),
          data: { volume: name, container: container.name, containerPath: container.path, mountIndex: index, suggestion },
        });
      });
    }
  },
};
