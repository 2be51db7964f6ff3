import { asMap, getPair, getString } from '../parse/nodes';
import { defineRule } from './types';
import { podMounts } from '../model/volume-mounts';
import { containerKey } from '../model/containers';
import { listInWords } from '../text/words';

/** A mount or volume name that says it holds logs: logs grow until something stops them. */
const LOG_WORD = /(^|[^a-z])logs?([^a-z]|$)|logging|varlog/i;

export const rule = defineRule({
  id: 'emptydir-size-limit',
  group: 'shared-volumes',
  defaultSeverity: 'info',
  summary: 'A shared or log emptyDir without sizeLimit can fill the node disk (or the memory limit) and get the pod evicted.',
  data: { volume: 'string?', volumeIndex: 'number', volumePath: 'path', emptyDirPath: 'path', containers: 'strings', medium: 'string?' },
  check(pod, context) {
    const mounts = podMounts(pod);
    for (const volume of pod.volumes) {
      if (volume.source !== 'emptyDir' || !volume.sourcePair || !volume.name) continue;
      const emptyDir = asMap(volume.sourcePair.value);
      if (getPair(emptyDir, 'sizeLimit')) continue;
      const users = mounts.filter((m) => m.name === volume.name);
      const containers = [...new Set(users.map((m) => containerKey(m.container)))];
      const forLogs = LOG_WORD.test(volume.name) || users.some((m) => !!m.target && LOG_WORD.test(m.target));
      // An emptyDir nobody mounts is unused-volume's finding; a limit on it would change nothing.
      if (users.length === 0 || (containers.length < 2 && !forLogs)) continue;
      const inMemory = getString(emptyDir, 'medium') === 'Memory';
      const why = containers.length >= 2 ? `shared by ${listInWords(containers.map((c) => `"${c}"`))}` : 'used for logs';
      context.report({
        pair: volume.sourcePair,
        target: 'key',
        message:
          `emptyDir "${volume.name}" is ${why} and has no sizeLimit: ` +
          (inMemory
            ? 'a memory-backed emptyDir counts against the containers\' memory limit, and one writer can exhaust it.'
            : 'one writer can fill the node\'s disk and the kubelet then evicts the pod.') +
          ' Set sizeLimit (e.g. 500Mi) so the pod, not the node, pays for a runaway writer.',
        data: {
          volume: volume.name,
          volumeIndex: volume.index,
          volumePath: volume.path,
          emptyDirPath: [...volume.path, 'emptyDir'],
          containers,
          medium: inMemory ? 'Memory' : undefined,
        },
      });
    }
  },
});
