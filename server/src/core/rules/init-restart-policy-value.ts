import { featureGate, gateAt, gateOnByDefaultFrom, stateText } from '../kubernetes/feature-gates';
import { valueSpan } from '../parse/nodes';
import { apiFieldPath, CONTAINER_DATA, containerData } from '../model/containers';
import { defineRule } from './types';

/** ContainerRestartRules (KEP-5307), from the feature-gate table: once on by default, init containers may also say Never or OnFailure. */
const GATE = featureGate('ContainerRestartRules');
const RESTART_RULE_VALUES = ['Never', 'OnFailure'];

export const rule = defineRule({
  id: 'init-restart-policy-value',
  group: 'native-sidecars',
  defaultSeverity: 'error',
  summary: 'An init container\'s `restartPolicy` that the target rejects: only `Always` (a native sidecar) before 1.35; `Always`, `OnFailure` or `Never` from 1.35 (ContainerRestartRules).',
  data: { ...CONTAINER_DATA, restartPolicy: 'string', replacement: 'string', field: 'string' },
  check(pod, context) {
    const state = gateAt(GATE, context.minor);
    const allowed = state?.onByDefault ? ['Always', ...RESTART_RULE_VALUES] : ['Always'];
    for (const container of pod.initContainers) {
      const pair = container.restartPolicyPair;
      const value = container.restartPolicy;
      // `restartPolicy:` with no value decodes as unset, which the API accepts.
      if (!pair || value === undefined || allowed.includes(value)) continue;
      const field = apiFieldPath([...container.path, 'restartPolicy']);
      const caseSlip = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
      let message = `\`${field}: Unsupported value: "${value}": supported values: ${allowed.map((a) => `"${a}"`).join(', ')}\`.`;
      if (caseSlip) message += ` Values are case-sensitive: write \`${caseSlip}\`.`;
      else if (state && RESTART_RULE_VALUES.includes(value))
        message += ` Kubernetes ${context.kubernetesVersion} accepts "${value}" here only with the ${GATE.gate} feature gate (${stateText(state)}, KEP-5307); it is on by default from 1.${gateOnByDefaultFrom(GATE)}.`;
      else message += ' Use `Always` for a native sidecar, or remove the field for a regular init container.';
      context.report({
        pair,
        target: 'value',
        span: valueSpan(pair),
        message,
        data: { ...containerData(container), restartPolicy: value, replacement: caseSlip ?? 'Always', field },
      });
    }
  },
});
