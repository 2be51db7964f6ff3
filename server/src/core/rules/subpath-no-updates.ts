import { getPair, keyText } from '../parse/nodes';
import { defineRule } from './types';
import { describeContainerCapitalized } from '../model/containers';
import { podMounts } from '../model/volume-mounts';

/** Volume types whose files the kubelet refreshes in place when the source object changes. */
const UPDATED_SOURCES = new Set(['configMap', 'secret', 'projected', 'downwardAPI']);

export const rule = defineRule({
  id: 'subpath-no-updates',
  group: 'shared-volumes',
  defaultSeverity: 'hint',
  summary: 'A configMap, secret, projected or downwardAPI volume mounted with subPath: the file never receives updates.',
  data: { container: 'string?', containerPath: 'path', volume: 'string?', source: 'string', mountIndex: 'number', mountItemPath: 'path', subPathPath: 'path' },
  check(pod, context) {
    const sources = new Map(pod.volumes.filter((v) => v.name && v.source).map((v) => [v.name as string, v.source as string]));
    for (const mount of podMounts(pod)) {
      if (mount.list !== 'volumeMounts' || !mount.name) continue;
      const source = sources.get(mount.name);
      if (!source || !UPDATED_SOURCES.has(source)) continue;
      const subPathPair = getPair(mount.node, 'subPath') ?? getPair(mount.node, 'subPathExpr');
      if (!subPathPair) continue;
      context.report({
        pair: subPathPair,
        target: 'key',
        message:
          `${describeContainerCapitalized(mount.container)} mounts ${source} volume "${mount.name}" with subPath: the kubelet never updates a subPath mount, ` +
          `so changes to the ${source} (a rotated certificate, new configuration) reach this container only when it restarts. ` +
          'Mount the whole volume on a directory (and point the program at the file in it) if it should see updates.',
        data: {
          container: mount.container.name,
          containerPath: mount.container.path,
          volume: mount.name,
          source,
          mountIndex: mount.index,
          mountItemPath: mount.path,
          subPathPath: [...mount.path, keyText(subPathPair) ?? 'subPath'],
        },
      });
    }
  },
});
