import { asMap, asScalar, getPair, getSeq, scalarText } from '../parse/nodes';
import type { ContainerModel } from '../model/pod';
import { containerAnchor, CONTAINER_DATA, containerData, containerLabel } from '../model/containers';
import { commandLine } from '../model/known-sidecars';
import { defineRule } from './types';

const LOOPBACK = /\b(localhost|127\.0\.0\.1|0\.0\.0\.0)\b|\[::1\]/;

/** The ports a container serves: its containerPorts and the ports in listen flags (`--port=5432`, `-listen :8200`). */
function servedPorts(container: ContainerModel): Set<number> {
  const ports = new Set<number>();
  for (const item of getSeq(container.node, 'ports')?.items ?? []) {
    const value = asScalar(getPair(asMap(item), 'containerPort')?.value)?.value;
    if (typeof value === 'number') ports.add(value);
  }
  for (const match of commandLine(container).matchAll(/--?(?:port|listen|listen-address|address|http-port|addr)[= ](?:[\w.[\]:-]*:)?(\d{2,5})\b/g)) ports.add(Number(match[1]));
  return ports;
}

/** Command, args and literal env values: where a container says whom it talks to. */
function talksTo(container: ContainerModel): { text: string; envValues: string[] } {
  const envValues = (getSeq(container.node, 'env')?.items ?? []).map((item) => scalarText(getPair(asMap(item), 'value')?.value) ?? '');
  return { text: [commandLine(container), ...envValues].join(' '), envValues };
}

/** The loopback address and port at which `init` reaches `sidecar`, or undefined. */
function reachedAt(init: ContainerModel, sidecar: ContainerModel): string | undefined {
  const { text, envValues } = talksTo(init);
  if (!LOOPBACK.test(text)) return undefined;
  for (const port of servedPorts(sidecar)) {
    const direct = new RegExp(`(localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\]):${port}\\b`).exec(text);
    if (direct) return direct[0];
    // DB_HOST=127.0.0.1 and DB_PORT=5432 as separate variables, or `--host=127.0.0.1 --port=5432` as separate
    // flags (cloud-sql-proxy's own Job example).
    if (envValues.includes(String(port)) || new RegExp(`(?:^|\\s)--?[\\w-]*port[= ]${port}\\b`).test(text)) return `${LOOPBACK.exec(text)?.[0] ?? 'localhost'}:${port}`;
  }
  return undefined;
}

export const rule = defineRule({
  id: 'init-container-before-sidecar',
  group: 'api-server',
  defaultSeverity: 'warning',
  summary: 'A regular init container placed before the native sidecar it talks to (a migration before cloud-sql-proxy): the sidecar is not running yet when it starts.',
  versions: { min: 29 },
  data: { ...CONTAINER_DATA, sidecarPath: 'path', sidecarIndex: 'number', address: 'string' },
  check(pod, context) {
    const sidecars = pod.initContainers.filter((c) => c.role === 'native-sidecar');
    if (sidecars.length === 0) return;
    for (const init of pod.initContainers) {
      if (init.role !== 'init') continue;
      for (const sidecar of sidecars) {
        if (sidecar.index < init.index) continue;
        const address = reachedAt(init, sidecar);
        if (!address) continue;
        context.report({
          ...containerAnchor(init),
          message:
            `Init container ${containerLabel(init)} reaches ${address}, served by native sidecar ${containerLabel(sidecar)}, but runs before it: ` +
            `init containers start one at a time, and a native sidecar starts only when the init containers before it have finished. ` +
            `Move ${containerLabel(sidecar)} above ${containerLabel(init)} in initContainers.`,
          data: { ...containerData(init), sidecarPath: sidecar.path, sidecarIndex: sidecar.index, address },
        });
        break;
      }
    }
  },
});
