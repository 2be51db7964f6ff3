import { featureGate, gateAt, gateOnByDefaultFrom, stateText } from '../kubernetes/feature-gates';
import { apiFieldPath, CONTAINER_DATA, containerData, containerLabel } from '../model/containers';
import { defineRule } from './types';

/** SidecarContainers, from the feature-gate table: before its first stage the field is unknown, while off it is dropped. */
const GATE = featureGate('SidecarContainers');
const ON_BY_DEFAULT = gateOnByDefaultFrom(GATE) ?? Number.POSITIVE_INFINITY;

export const rule = defineRule({
  id: 'native-sidecar-unsupported-version',
  group: 'native-sidecars',
  defaultSeverity: 'error',
  summary: 'A native sidecar (`restartPolicy: Always` on an init container) on a Kubernetes version that rejects or ignores it.',
  versions: { max: ON_BY_DEFAULT - 1 },
  data: { ...CONTAINER_DATA, field: 'string', kubernetesVersion: 'string' },
  check(pod, context) {
    const state = gateAt(GATE, context.minor);
    if (state?.onByDefault) return;
    for (const container of pod.initContainers) {
      if (container.role !== 'native-sidecar' || !container.restartPolicyPair) continue;
      const field = apiFieldPath([...container.path, 'restartPolicy']);
      const message = state
        ? `Native sidecars are ${stateText(state)} in Kubernetes ${context.kubernetesVersion} (${GATE.gate} feature gate). Unless the cluster enables the gate, ` +
          `the API server drops \`${field}\` and ${containerLabel(container)} becomes a regular init container: the pod waits for it to exit before starting the app. ` +
          `Native sidecars are on by default from 1.${ON_BY_DEFAULT}.`
        : `Kubernetes ${context.kubernetesVersion} does not know native sidecars: the API server answers \`strict decoding error: unknown field "${field}"\`. ` +
          `Native sidecars need 1.${ON_BY_DEFAULT}+ (1.${ON_BY_DEFAULT - 1} with the ${GATE.gate} feature gate); on older clusters run the helper in \`containers\`.`;
      context.report({
        pair: container.restartPolicyPair,
        target: 'pair',
        severity: state ? 'warning' : 'error',
        message,
        data: { ...containerData(container), field, kubernetesVersion: context.kubernetesVersion },
      });
    }
  },
});
