import { asSeq, getMap, getPair, scalarText } from '../parse/nodes';
import { defineRule } from './types';
import { describeContainerCapitalized } from '../model/containers';

import { containerSecurityContext, isTrue, isWindowsPod } from '../model/security-context';
import { containersOf } from '../model/pod';

/** Capabilities that let a process gain more privileges than its parent (the kernel's no_new_privs is off). */
const ESCALATING_CAPABILITIES = new Set(['SYS_ADMIN', 'ALL']);

export const rule = defineRule({
  id: 'privilege-escalation',
  group: 'hygiene',
  defaultSeverity: 'warning',
  summary: 'A container explicitly allows privilege escalation (allowPrivilegeEscalation: true, or adds CAP_SYS_ADMIN / ALL).',
  data: { container: 'string?', containerPath: 'path', settingPath: 'path', capability: 'string?', capabilityIndex: 'number?' },
  check(pod, context) {
    if (isWindowsPod(pod)) return;
    for (const container of containersOf(pod, { ephemeral: true })) {
      const securityContext = containerSecurityContext(container);
      // A privileged container can escalate by definition; privileged-container already reports it as an error.
      if (isTrue(getPair(securityContext, 'privileged'))) continue;
      const base = { container: container.name, containerPath: container.path };
      const allow = getPair(securityContext, 'allowPrivilegeEscalation');
      if (allow && isTrue(allow)) {
        context.report({
          pair: allow,
          target: 'pair',
          message:
            `${describeContainerCapitalized(container)} allows privilege escalation: a setuid binary or file capability inside it can gain more privileges than the process that ran it. ` +
            'Set allowPrivilegeEscalation: false unless it really needs this.',
          data: { ...base, settingPath: [...container.path, 'securityContext', 'allowPrivilegeEscalation'] },
        });
      }
      const added = asSeq(getPair(getMap(securityContext, 'capabilities'), 'add')?.value);
      added?.items.forEach((item, index) => {
        const capability = scalarText(item)?.trim().toUpperCase().replace(/^CAP_/, '');
        if (!capability || !ESCALATING_CAPABILITIES.has(capability)) return;
        context.report({
          node: item,
          message:
            `${describeContainerCapitalized(container)} adds ${capability === 'ALL' ? 'ALL capabilities (CAP_SYS_ADMIN among them)' : 'CAP_SYS_ADMIN'}, which always allows privilege escalation and is close to root on the node. ` +
            'Add only the narrow capabilities it needs (e.g. NET_ADMIN, NET_BIND_SERVICE).',
          data: { ...base, capability, capabilityIndex: index, settingPath: [...container.path, 'securityContext', 'capabilities', 'add', index] },
        });
      });
    }
  },
});
