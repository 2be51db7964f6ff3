import { defineRule } from './types';
import { podMounts } from '../model/volume-mounts';
import { containersOf } from '../model/pod';

export const rule = defineRule({
  id: 'unused-volume',
  group: 'shared-volumes',
  defaultSeverity: 'warning',
  summary: 'A volume that no container mounts: nothing else in a pod can use it.',
  data: { volume: 'string', volumeIndex: 'number', volumePath: 'path', source: 'string?' },
  check(pod, context) {
    // A pod whose containers are still being typed would flag every volume: wait until there is one.
    if (containersOf(pod, { ephemeral: true }).length === 0) return;
    const used = new Set(podMounts(pod).map((m) => m.name).filter((n): n is string => !!n));
    for (const volume of pod.volumes) {
      // A workflow-level volume (Argo) serves every template: one template not mounting it says nothing.
      if (volume.shared || !volume.name || !volume.nameNode || used.has(volume.name)) continue;
      context.report({
        node: volume.nameNode,
        message: `Volume "${volume.name}" is not mounted by any container (no volumeMounts or volumeDevices entry names it). Mount it where it is needed, or remove it.`,
        data: { volume: volume.name, volumeIndex: volume.index, volumePath: volume.path, source: volume.source },
        unnecessary: true,
      });
    }
  },
});
