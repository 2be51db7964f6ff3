import { valueSpan } from '../parse/nodes';
import { apiFieldPath, containerData } from '../model/containers';
import type { Rule } from './types';

/** From 1.34 the alpha ContainerRestartRules gate (KEP-5307) also accepts Never and OnFailure on init containers. */
const CONTAINER_RESTART_RULES_MINOR = 34;

export const rule: Rule = {
  id: 'init-restart-policy-value',
  defaultSeverity: 'error',
  summary: 'An init container\'s `restartPolicy` can only be `Always` (which makes it a native sidecar).',
  check(pod, context) {
    for (const container of pod.initContainers) {
      const pair = container.restartPolicyPair;
      const value = container.restartPolicy;
      // `restartPolicy:` with no value decodes as unset, which the API accepts.
      if (!pair || value === undefined || value === 'Always') continue;
      const field = apiFieldPath([...container.path, 'restartPolicy']);
      const caseSlip = value.toLowerCase() === 'always';
      let message = `\`${field}: Unsupported value: "${value}": supported values: "Always"\`.`;
      if (caseSlip) message += ' Values are case-sensitive: write `Always`.';
      else if (context.minor >= CONTAINER_RESTART_RULES_MINOR && (value === 'Never' || value === 'OnFailure'))
        message += ` Kubernetes 1.34+ accepts "${value}" here only with the alpha ContainerRestartRules feature gate (KEP-5307).`;
      else message += ' Use `Always` for a native sidecar, or remove the field for a regular init container.';
      context.report({
        pair,
        target: 'value',
        span: valueSpan(pair),
        message,
        data: { ...containerData(container), restartPolicy: value, replacement: 'Always', field },
      });
    }
  },
};
