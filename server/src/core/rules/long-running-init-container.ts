import { classifySidecar } from '../model/known-sidecars';
import { containerAnchor, CONTAINER_DATA, containerData, containerLabel } from '../model/containers';
import { defineRule } from './types';

const NATIVE_SIDECARS_MINOR = 29;

export const rule = defineRule({
  id: 'long-running-init-container',
  group: 'native-sidecars',
  defaultSeverity: 'warning',
  summary: 'A regular init container that never exits (a sidecar without `restartPolicy: Always`): the pod stays in Init forever.',
  data: { ...CONTAINER_DATA, sidecarKind: 'string' },
  check(pod, context) {
    for (const container of pod.initContainers) {
      if (container.role !== 'init') continue;
      const sidecar = classifySidecar(container);
      if (!sidecar?.longRunning) continue;
      // Agents often exit by a setting in their config file (vault `exit_after_auth`), which we cannot see; and an
      // image-based guess yields to a name that says the container is an init step (`vault-agent-init`).
      if (sidecar.kind === 'secrets-agent') continue;
      if (sidecar.kind !== 'unknown' && container.name && /(^|[-_])init([-_]|$)/.test(container.name)) continue;
      const fix =
        context.minor >= NATIVE_SIDECARS_MINOR
          ? ' Add `restartPolicy: Always` to make it a native sidecar that runs beside the app.'
          : ` Kubernetes ${context.kubernetesVersion} has no native sidecars: move it to \`containers\`.`;
      context.report({
        ...containerAnchor(container),
        message:
          `Init container ${containerLabel(container)} (${sidecar.reason}) does not exit, and a regular init container must exit before the next one and the app start: ` +
          `the pod would stay in Init forever.${fix}`,
        data: { ...containerData(container), sidecarKind: sidecar.kind },
      });
    }
  },
});
