import { defineRule } from './types';
import { mountsOf, normalizeMountPath, type MountModel } from '../model/volume-mounts';
import { describeContainerCapitalized } from '../model/containers';
import { containersOf } from '../model/pod';

export const rule = defineRule({
  id: 'duplicate-mount-path',
  group: 'shared-volumes',
  defaultSeverity: 'error',
  summary: 'Two volumes are mounted (or attached as devices) at the same path in one container.',
  data: { container: 'string?', containerPath: 'path', mountList: 'string', mountIndex: 'number', mountItemPath: 'path', firstMountList: 'string', firstMountIndex: 'number', firstMountItemPath: 'path', mountTarget: 'string', volume: 'string?' },
  check(pod, context) {
    for (const container of containersOf(pod, { ephemeral: true })) {
      // The API rejects a devicePath equal to a mountPath as well, so both lists share one set of paths.
      const seen = new Map<string, MountModel>();
      for (const mount of mountsOf(container)) {
        if (!mount.target || !mount.targetPair) continue;
        const key = normalizeMountPath(mount.target);
        if (!key) continue;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, mount);
          continue;
        }
        const firstField = first.list === 'volumeMounts' ? 'mountPath' : 'devicePath';
        context.report({
          pair: mount.targetPair,
          target: 'value',
          message:
            `${describeContainerCapitalized(container)} already uses "${key}" for volume "${first.name ?? '?'}" (${first.list}[${first.index}].${firstField}); ` +
            (first.target === mount.target
              ? 'each mount needs its own path (the API rejects the pod: "must be unique").'
              : 'the paths differ only in slashes, so one mount would hide the other.') +
            ' Mount the second volume at a path of its own (mounts may nest, e.g. /data and /data/cache).',
          data: {
            container: container.name,
            containerPath: container.path,
            mountList: mount.list,
            mountIndex: mount.index,
            mountItemPath: mount.path,
            firstMountList: first.list,
            firstMountIndex: first.index,
            firstMountItemPath: first.path,
            mountTarget: key,
            volume: mount.name,
          },
        });
      }
    }
  },
});
