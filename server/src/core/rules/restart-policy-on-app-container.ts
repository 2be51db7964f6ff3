import { featureGate, gateAt, gateOnByDefaultFrom, stateText } from '../kubernetes/feature-gates';
import { fieldAt } from '../kubernetes/fields';
import { apiFieldPath, CONTAINER_DATA, containerData, containerLabel } from '../model/containers';
import { defineRule } from './types';

/**
 * ContainerRestartRules (KEP-5307), from the feature-gate table. Once it is on by default the API accepts
 * `restartPolicy` on regular containers of Pods and of controllers' pod templates alike: ValidatePodTemplateSpec
 * runs ValidatePodSpec with the same options, and GetValidationOptionsFromPodTemplate reads the same gate
 * (kubernetes pkg/apis/core/validation/validation.go, pkg/api/pod/util.go).
 */
const GATE = featureGate('ContainerRestartRules');

export const rule = defineRule({
  id: 'restart-policy-on-app-container',
  group: 'native-sidecars',
  defaultSeverity: 'error',
  summary: '`restartPolicy` on an entry of `containers` before the API accepts it there (ContainerRestartRules on by default from 1.35); native sidecars belong in `initContainers`.',
  versions: { max: (gateOnByDefaultFrom(GATE) ?? Number.POSITIVE_INFINITY) - 1 },
  data: { ...CONTAINER_DATA, restartPolicy: 'string?', field: 'string' },
  check(pod, context) {
    const state = gateAt(GATE, context.minor);
    if (state?.onByDefault) return;
    const known = fieldAt('core.v1.Container', 'restartPolicy', context.minor).status !== 'absent';
    for (const container of pod.containers) {
      const pair = container.restartPolicyPair;
      // `restartPolicy:` with no value decodes as unset, which the API accepts.
      if (!pair || container.restartPolicy === undefined) continue;
      const field = apiFieldPath([...container.path, 'restartPolicy']);
      const sidecarHint =
        container.restartPolicy === 'Always'
          ? ` If ${containerLabel(container)} is meant to be a sidecar, move it to \`initContainers\` (a native sidecar: \`restartPolicy: Always\` there).`
          : ' Remove it: the pod-level `restartPolicy` decides how app containers restart.';
      const onFrom = gateOnByDefaultFrom(GATE);
      const head = !known
        ? `\`strict decoding error: unknown field "${field}"\`: Kubernetes ${context.kubernetesVersion} has no container-level \`restartPolicy\`.`
        : state
          ? `\`restartPolicy\` on a regular container needs the ${GATE.gate} feature gate (${stateText(state)} in Kubernetes ${context.kubernetesVersion}, KEP-5307); ` +
            `without it the API server answers \`${field}: Forbidden: may not be set for non-init containers\`.`
          : `\`${field}: Forbidden: may not be set for non-init containers\`.`;
      const later = onFrom !== undefined ? ` Kubernetes 1.${onFrom}+ accepts it (${GATE.gate} on by default).` : '';
      context.report({
        pair,
        target: 'key',
        message: head + sidecarHint + later,
        data: { ...containerData(container), restartPolicy: container.restartPolicy, field },
      });
    }
  },
});
