import { classifySidecar, commandLine, TAIL_FOLLOW } from '../model/known-sidecars';
import { containersOf, type ContainerModel } from '../model/pod';
import { defineRule } from './types';
import { describeContainer, describeContainerCapitalized } from '../model/containers';

import { listInWords } from '../text/words';
import { mountsOf, podMounts } from '../model/volume-mounts';


/** A log shipper, or the hand-written streamer of the Kubernetes logging docs: `tail -F /var/log/app.log`. */
function readsLogs(container: ContainerModel): boolean {
  if (container.role === 'ephemeral' || container.role === 'init') return false;
  return classifySidecar(container)?.kind === 'log-shipper' || TAIL_FOLLOW.test(commandLine(container));
}

export const rule = defineRule({
  id: 'shipper-mount-read-only',
  group: 'shared-volumes',
  defaultSeverity: 'info',
  summary: 'A log-shipper sidecar mounts, writable, a volume that another container writes: it only needs to read it.',
  data: { container: 'string?', containerPath: 'path', volume: 'string?', mountIndex: 'number', mountItemPath: 'path', mountTarget: 'string?', readOnlyPath: 'path?', writers: 'names' },
  check(pod, context) {
    const all = podMounts(pod);
    for (const shipper of containersOf(pod, { ephemeral: true }).filter(readsLogs)) {
      for (const mount of mountsOf(shipper)) {
        if (mount.list !== 'volumeMounts' || mount.readOnly || !mount.name) continue;
        // Another log reader's writable mount is that reader's own finding, not a writer of logs.
        const writers = all.filter((m) => m.list === 'volumeMounts' && m.name === mount.name && !m.readOnly && !readsLogs(m.container));
        if (writers.length === 0) continue;
        const anchor = mount.readOnlyPair ?? mount.targetPair ?? mount.namePair;
        if (!anchor) continue;
        const writerNames = [...new Set(writers.map((w) => describeContainer(w.container)))];
        context.report({
          pair: anchor,
          target: anchor === mount.readOnlyPair ? 'pair' : 'value',
          message:
            `${describeContainerCapitalized(shipper)} ships logs from volume "${mount.name}", which ${listInWords(writerNames)} write${writerNames.length === 1 ? 's' : ''}, ` +
            'but mounts it writable: a log shipper only reads. Set readOnly: true so a bug or a compromise in it cannot change or delete the logs ' +
            '(keep its own state, such as read positions, on a volume of its own).',
          data: {
            container: shipper.name,
            containerPath: shipper.path,
            volume: mount.name,
            mountIndex: mount.index,
            mountItemPath: mount.path,
            mountTarget: mount.target,
            readOnlyPath: mount.readOnlyPair ? [...mount.path, 'readOnly'] : undefined,
            writers: writers.map((w) => w.container.name),
          },
        });
      }
    }
  },
});
