import { apiFieldPath, containerData, containerLabel } from '../model/containers';
import type { Rule } from './types';

/** SidecarContainers: alpha (off by default) in 1.28, beta (on) in 1.29, GA in 1.33. */
const ALPHA_MINOR = 28;

export const rule: Rule = {
  id: 'native-sidecar-unsupported-version',
  defaultSeverity: 'error',
  summary: 'A native sidecar (`restartPolicy: Always` on an init container) on a Kubernetes version that rejects or ignores it.',
  versions: { max: ALPHA_MINOR },
  check(pod, context) {
    for (const container of pod.initContainers) {
      if (container.role !== 'native-sidecar' || !container.restartPolicyPair) continue;
      const field = apiFieldPath([...container.path, 'restartPolicy']);
      const alpha = context.minor === ALPHA_MINOR;
      const message = alpha
        ? `Native sidecars are alpha in Kubernetes 1.28 (SidecarContainers feature gate, off by default). Unless the cluster enables the gate, ` +
          `the API server drops \`${field}\` and ${containerLabel(container)} becomes a regular init container: the pod waits for it to exit before starting the app. ` +
          'Native sidecars are on by default from 1.29.'
        : `Kubernetes ${context.kubernetesVersion} does not know native sidecars: the API server answers \`strict decoding error: unknown field "${field}"\`. ` +
          'Native sidecars need 1.29+ (1.28 with the SidecarContainers feature gate); on older clusters run the helper in `containers`.';
      context.report({
        pair: container.restartPolicyPair,
        target: 'pair',
        severity: alpha ? 'warning' : 'error',
        message,
        data: { ...containerData(container), field, kubernetesVersion: context.kubernetesVersion },
      });
    }
  },
};
