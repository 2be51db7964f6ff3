import { getPair } from '../parse/nodes';
import { classifySidecar, type SidecarKind } from '../model/known-sidecars';
import { containerAnchor, CONTAINER_DATA, containerData, containerLabel } from '../model/containers';
import { defineRule } from './types';

/** Helpers the containers after them talk through as soon as they start. */
const NEEDED_AT_START: ReadonlySet<SidecarKind> = new Set(['proxy', 'db-proxy', 'secrets-agent']);

export const rule = defineRule({
  id: 'native-sidecar-startup-probe',
  group: 'native-sidecars',
  defaultSeverity: 'info',
  summary: 'A native proxy or secrets sidecar without a `startupProbe`: the next container starts as soon as its process does, maybe before it is ready.',
  versions: { min: 29 },
  data: { ...CONTAINER_DATA, sidecarKind: 'string' },
  check(pod, context) {
    pod.initContainers.forEach((container, index) => {
      if (container.role !== 'native-sidecar' || getPair(container.node, 'startupProbe')) return;
      const sidecar = classifySidecar(container);
      if (!sidecar || !NEEDED_AT_START.has(sidecar.kind)) return;
      const next = pod.initContainers[index + 1] ?? pod.containers[0];
      if (!next) return;
      context.report({
        ...containerAnchor(container),
        message:
          `Native sidecar ${containerLabel(container)} (${sidecar.reason}) has no \`startupProbe\`, so Kubernetes starts ${containerLabel(next)} as soon as its process is running, ` +
          'not when it is ready. Add a `startupProbe` that succeeds once it accepts connections.',
        data: { ...containerData(container), sidecarKind: sidecar.kind },
      });
    });
  },
});
