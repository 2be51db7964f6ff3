import type { PairNode } from '../parse/nodes';
import { containersOf, type ContainerModel } from '../model/pod';
import { defineRule } from './types';
import { describeContainer } from '../model/containers';

import { listInWords } from '../text/words';
import { effectiveSetting, isWindowsPod, type SettingRef } from '../model/security-context';

export const rule = defineRule({
  id: 'run-as-root',
  group: 'hygiene',
  defaultSeverity: 'warning',
  summary: 'A container is explicitly set to run as root (runAsUser: 0, or runAsNonRoot: false with no non-root user).',
  data: { key: 'string', level: 'string', containers: 'names', containerPaths: 'paths', settingPath: 'path' },
  check(pod, context) {
    if (isWindowsPod(pod)) return;
    // A pod-level setting is reported once, naming every container that inherits it.
    const findings = new Map<PairNode, { ref: SettingRef; key: string; containers: ContainerModel[] }>();
    for (const container of containersOf(pod, { ephemeral: true })) {
      const user = effectiveSetting(pod, container, 'runAsUser');
      let culprit: { ref: SettingRef; key: string } | undefined;
      if (user?.text?.trim() === '0') culprit = { ref: user, key: 'runAsUser' };
      else if (!user) {
        // No user set: the image's user applies, often root. Only an explicit runAsNonRoot: false is a decision
        // worth reporting; flagging every container that omits runAsNonRoot would flag almost every manifest.
        const nonRoot = effectiveSetting(pod, container, 'runAsNonRoot');
        if (nonRoot?.text === 'false') culprit = { ref: nonRoot, key: 'runAsNonRoot' };
      }
      if (!culprit) continue;
      const entry = findings.get(culprit.ref.pair) ?? { ...culprit, containers: [] };
      entry.containers.push(container);
      findings.set(culprit.ref.pair, entry);
    }
    for (const { ref, key, containers } of findings.values()) {
      const who = ref.level === 'pod' ? `the pod's securityContext, inherited by ${listInWords(containers.map(describeContainer))}` : describeContainer(containers[0]);
      const what = key === 'runAsUser' ? 'runs as root (runAsUser: 0)' : 'may run as root (runAsNonRoot: false and no runAsUser)';
      context.report({
        pair: ref.pair,
        target: 'pair',
        message:
          `${key} in ${who}: it ${what}. A process that breaks out of a root container is root on the node. ` +
          'Use a non-zero runAsUser and runAsNonRoot: true (pick an image that works as non-root).',
        data: {
          key,
          level: ref.level,
          containers: containers.map((c) => c.name),
          containerPaths: containers.map((c) => c.path),
          settingPath: ref.level === 'pod' ? [...pod.path, 'securityContext', key] : [...containers[0].path, 'securityContext', key],
        },
      });
    }
  },
});
