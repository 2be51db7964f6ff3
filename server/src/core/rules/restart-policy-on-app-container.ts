import { apiFieldPath, containerData, containerLabel } from '../model/containers';
import type { Rule } from './types';

/** Kubernetes 1.34 added per-container restart rules (KEP-5307) behind the alpha ContainerRestartRules gate. */
const CONTAINER_RESTART_RULES_MINOR = 34;

export const rule: Rule = {
  id: 'restart-policy-on-app-container',
  defaultSeverity: 'error',
  summary: '`restartPolicy` on an entry of `containers`: the API forbids it there; native sidecars belong in `initContainers`.',
  check(pod, context) {
    for (const container of pod.containers) {
      const pair = container.restartPolicyPair;
      // `restartPolicy:` with no value decodes as unset, which the API accepts.
      if (!pair || container.restartPolicy === undefined) continue;
      const field = apiFieldPath([...container.path, 'restartPolicy']);
      const sidecarHint =
        container.restartPolicy === 'Always'
          ? ` If ${containerLabel(container)} is meant to be a sidecar, move it to \`initContainers\` (a native sidecar: \`restartPolicy: Always\` there).`
          : ' Remove it: the pod-level `restartPolicy` decides how app containers restart.';
      const message =
        context.minor >= CONTAINER_RESTART_RULES_MINOR
          ? `\`restartPolicy\` on a regular container needs the ContainerRestartRules feature gate (alpha since Kubernetes 1.34, KEP-5307, off by default); ` +
            `without it the API server answers \`${field}: Forbidden: may not be set for non-init containers\`.` +
            sidecarHint
          : `\`${field}: Forbidden: may not be set for non-init containers\`.` + sidecarHint;
      context.report({
        pair,
        target: 'key',
        message,
        data: { ...containerData(container), restartPolicy: container.restartPolicy, field },
      });
    }
  },
};
