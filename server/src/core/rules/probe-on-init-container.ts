import { getPair } from '../parse/nodes';
import { apiFieldPath, CONTAINER_DATA, containerData, containerLabel } from '../model/containers';
import { defineRule } from './types';

/** Fields the API allows on an init container only when it is a native sidecar. */
const SIDECAR_ONLY_FIELDS = ['livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'] as const;
const NATIVE_SIDECARS_MINOR = 29;

export const rule = defineRule({
  id: 'probe-on-init-container',
  group: 'native-sidecars',
  defaultSeverity: 'error',
  summary: 'Probes and `lifecycle` on an init container that is not a native sidecar: the API forbids them.',
  data: { ...CONTAINER_DATA, field: 'string', path: 'string' },
  check(pod, context) {
    for (const container of pod.initContainers) {
      if (container.role !== 'init') continue;
      for (const field of SIDECAR_ONLY_FIELDS) {
        const pair = getPair(container.node, field);
        if (!pair) continue;
        const path = apiFieldPath([...container.path, field]);
        const advice =
          context.minor >= NATIVE_SIDECARS_MINOR
            ? ` Remove \`${field}\`, or, if ${containerLabel(container)} should keep running beside the app, make it a native sidecar with \`restartPolicy: Always\`.`
            : ` Remove \`${field}\`: an init container runs to completion, nothing probes it.`;
        context.report({
          pair,
          target: 'key',
          message: `\`${path}: Forbidden: may not be set for init containers without restartPolicy=Always\`.${advice}`,
          data: { ...containerData(container), field, path },
        });
      }
    }
  },
});
