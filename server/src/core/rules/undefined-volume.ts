import { defineRule } from './types';
import { closest } from '../text/closest';
import { claimTemplateNames, podMounts } from '../model/volume-mounts';
import { describeContainer } from '../model/containers';

export const rule = defineRule({
  id: 'undefined-volume',
  group: 'shared-volumes',
  defaultSeverity: 'error',
  summary: 'A volumeMount or volumeDevice names a volume that the pod does not declare.',
  data: { volume: 'string', container: 'string?', containerPath: 'path', mountList: 'string', mountIndex: 'number', mountItemPath: 'path', volumesPath: 'path', suggestion: 'string?' },
  check(pod, context) {
    const declared = [...pod.volumes.map((v) => v.name).filter((n): n is string => !!n), ...claimTemplateNames(pod)];
    for (const mount of podMounts(pod)) {
      const name = mount.name;
      if (!mount.namePair || !name || declared.includes(name)) continue;
      const suggestion = closest(name, declared);
      context.report({
        pair: mount.namePair,
        target: 'value',
        message:
          `Volume "${name}" is ${mount.list === 'volumeMounts' ? 'mounted' : 'attached as a device'} by ${describeContainer(mount.container)} but not declared in the pod's volumes.` +
          (suggestion ? ` Did you mean "${suggestion}"?` : ' Add it under spec.volumes (an emptyDir to share files between containers).'),
        data: {
          volume: name,
          container: mount.container.name,
          containerPath: mount.container.path,
          mountList: mount.list,
          mountIndex: mount.index,
          mountItemPath: mount.path,
          volumesPath: [...pod.path, 'volumes'],
          suggestion,
        },
      });
    }
  },
});
