import { classifySidecar, type SidecarKind } from '../model/known-sidecars';
import { isWorkloadProduct } from '../model/product';
import { containerAnchor, CONTAINER_DATA, containerData, containerLabel } from '../model/containers';
import { defineRule } from './types';

/**
 * Helpers the app talks through from its first second (outbound traffic, database connections, secrets files).
 * An auth proxy in front of the app is left out: the app does not need it to start.
 */
const NEEDED_AT_START: ReadonlySet<SidecarKind> = new Set(['proxy', 'db-proxy', 'secrets-agent']);

/** What goes wrong when the app wins the race, by kind of helper. */
const RISK: Partial<Record<SidecarKind, string>> = {
  proxy: 'the app may send its first requests before the proxy is ready, and fail them.',
  'db-proxy': 'the app may open its database connections before the proxy listens, and fail or crash-loop.',
  'secrets-agent': 'the app may start before the agent has rendered its secrets.',
};

export const rule = defineRule({
  id: 'proxy-start-order',
  group: 'native-sidecars',
  defaultSeverity: 'info',
  summary: 'A proxy or secrets sidecar in `containers`: nothing makes it ready before the app starts; a native sidecar would be.',
  versions: { min: 29 },
  data: { ...CONTAINER_DATA, sidecarKind: 'string' },
  check(pod, context) {
    if (pod.runsToCompletion || pod.containers.length < 2) return;
    const classified = pod.containers.map((container) => ({ container, sidecar: classifySidecar(container) }));
    // The app is what no pattern recognises; with none (pgbouncer + its exporter) there is nothing to protect.
    if (!classified.some(({ sidecar }) => !sidecar)) return;
    // An agent run once as a regular init container (the Vault injector's `vault-agent-init`) renders the
    // secrets before the app starts; the agent beside the app only renews them.
    const secretsPrepopulated = pod.initContainers.some((c) => c.role === 'init' && classifySidecar(c)?.kind === 'secrets-agent');
    for (const { container, sidecar } of classified) {
      if (!sidecar || !NEEDED_AT_START.has(sidecar.kind)) continue;
      // The proxy's own workload (Contour's "envoy" DaemonSet next to its shutdown manager) is not an app's sidecar.
      if (isWorkloadProduct(pod, container)) continue;
      if (sidecar.kind === 'secrets-agent' && secretsPrepopulated) continue;
      context.report({
        ...containerAnchor(container),
        message:
          `${containerLabel(container)} (${sidecar.reason}) starts alongside the app containers, so ${RISK[sidecar.kind] ?? RISK.proxy} ` +
          `On Kubernetes ${context.kubernetesVersion} a native sidecar (in \`initContainers\` with \`restartPolicy: Always\` and a \`startupProbe\`) is started, and ready, before the app, and stopped after it.`,
        data: { ...containerData(container), sidecarKind: sidecar.kind },
      });
    }
  },
});
