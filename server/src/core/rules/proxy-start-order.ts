import { classifySidecar, type SidecarKind } from '../sidecars/known-sidecars';
import { containerAnchor, containerData, containerLabel } from '../sidecars/field-path';
import type { Rule } from './types';

/**
 * Helpers the app talks through from its first second (outbound traffic, database connections, secrets files).
 * An auth proxy in front of the app is left out: the app does not need it to start.
 */
const NEEDED_AT_START: ReadonlySet<SidecarKind> = new Set(['proxy', 'db-proxy', 'secrets-agent']);

export const rule: Rule = {
  id: 'proxy-start-order',
  defaultSeverity: 'info',
  summary: 'A proxy or secrets sidecar in `containers`: nothing makes it ready before the app starts; a native sidecar would be.',
  versions: { min: 29 },
  check(pod, context) {
    if (pod.runsToCompletion || pod.containers.length < 2) return;
    for (const container of pod.containers) {
      const sidecar = classifySidecar(container);
      if (!sidecar || !NEEDED_AT_START.has(sidecar.kind)) continue;
      // Every container being a proxy leaves no app to protect.
      if (pod.containers.every((other) => other === container || NEEDED_AT_START.has(classifySidecar(other)?.kind ?? 'unknown'))) continue;
      context.report({
        node: containerAnchor(container),
        message:
          `${containerLabel(container)} (${sidecar.reason}) starts alongside the app containers, so the app may start before it is ready and fail its first connections. ` +
          `On Kubernetes ${context.kubernetesVersion} a native sidecar (in \`initContainers\` with \`restartPolicy: Always\` and a \`startupProbe\`) is started, and ready, before the app, and stopped after it.`,
        data: { ...containerData(container), sidecarKind: sidecar.kind },
      });
    }
  },
};
