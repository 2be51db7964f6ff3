import { getPair } from '../parse/nodes';
import { defineRule } from './types';
import { describeContainerCapitalized } from '../model/containers';

import { containerSecurityContext, isTrue } from '../model/security-context';
import { containersOf } from '../model/pod';

export const rule = defineRule({
  id: 'privileged-container',
  group: 'hygiene',
  // Warning, not error: the API server accepts privileged containers (validation.go has no check on
  // securityContext.privileged); only Pod Security Admission at baseline/restricted, or a policy engine, refuses them.
  defaultSeverity: 'warning',
  summary: 'A privileged container: it has every capability and the host\'s devices, so escaping it means owning the node.',
  data: { container: 'string?', containerPath: 'path', privilegedPath: 'path' },
  check(pod, context) {
    for (const container of containersOf(pod, { ephemeral: true })) {
      const pair = getPair(containerSecurityContext(container), 'privileged');
      if (!pair || !isTrue(pair)) continue;
      context.report({
        pair,
        target: 'pair',
        message:
          `${describeContainerCapitalized(container)} runs privileged: it can reach every device and kernel interface of the node. ` +
          'Grant only the capabilities it needs (securityContext.capabilities.add, e.g. NET_ADMIN) and remove privileged.',
        data: {
          container: container.name,
          containerPath: container.path,
          privilegedPath: [...container.path, 'securityContext', 'privileged'],
        },
      });
    }
  },
});
