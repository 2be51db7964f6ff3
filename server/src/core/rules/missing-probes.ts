import { asMap, getPair, getSeq, scalarText } from '../parse/nodes';
import { containersOf, type ContainerModel } from '../model/pod';
import { defineRule } from './types';
import { containerAnchor, describeContainerCapitalized } from '../model/containers';

export const rule = defineRule({
  id: 'missing-probes',
  group: 'hygiene',
  defaultSeverity: 'info',
  summary: 'A long-running container (an app container of a long-running workload, or a native sidecar) has neither a readiness nor a liveness probe.',
  data: { container: 'string?', containerPath: 'path', role: 'string', missing: 'strings', hasStartupProbe: 'boolean', ports: 'numbers' },
  check(pod, context) {
    // Regular init and ephemeral containers may not have probes; a Job's app containers run to completion,
    // where readiness gates nothing. Native sidecars run for the pod's whole life, in Jobs too.
    const candidates = containersOf(pod, { ephemeral: false }).filter(
      (c) => c.role === 'native-sidecar' || (c.role === 'app' && !pod.runsToCompletion),
    );
    for (const container of candidates) {
      if (getPair(container.node, 'readinessProbe') || getPair(container.node, 'livenessProbe')) continue;
      const anchor = containerAnchor(container);
      if (!anchor) continue;
      const hasStartupProbe = !!getPair(container.node, 'startupProbe');
      const sidecar = container.role === 'native-sidecar';
      context.report({
        ...anchor,
        message:
          `${describeContainerCapitalized(container)} has no readinessProbe or livenessProbe: ` +
          (sidecar
            ? // Whether it needs a startupProbe too is native-sidecar-startup-probe's finding, not repeated here.
              'a hung sidecar is never restarted, and the pod stays ready while the app behind it cannot work.'
            : 'Kubernetes counts it ready (and sends it Service traffic) as soon as it starts, and never restarts it when it hangs.'),
        data: {
          container: container.name,
          containerPath: container.path,
          role: container.role,
          missing: ['readinessProbe', 'livenessProbe'],
          hasStartupProbe,
          ports: portsOf(container),
        },
      });
    }
  },
});

/** Declared container ports: what a quick fix can point an httpGet or tcpSocket probe at. */
function portsOf(container: ContainerModel): number[] {
  const ports = getSeq(container.node, 'ports')?.items ?? [];
  return ports.map((item) => Number(scalarText(getPair(asMap(item), 'containerPort')?.value))).filter((port) => Number.isInteger(port) && port > 0);
}
