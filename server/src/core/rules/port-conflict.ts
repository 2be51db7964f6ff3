import { asMap, asSeq, getPair, nodeSpan, scalarText, type PairNode } from '../parse/nodes';
import { containersOf, type ContainerModel } from '../model/pod';
import { CONTAINER_DATA, containerData, containerLabel } from '../model/containers';
import { defineRule } from './types';

interface DeclaredPort {
  container: ContainerModel;
  portIndex: number;
  field: 'containerPort' | 'hostPort';
  port: number;
  protocol: string;
  hostIP: string;
  pair: PairNode;
  offset: number;
}

export const rule = defineRule({
  id: 'port-conflict',
  group: 'network',
  defaultSeverity: 'error',
  summary: 'Two containers that run at the same time declare the same port: they share one network namespace, so one of them cannot bind it.',
  data: { ...CONTAINER_DATA, portIndex: 'number', field: 'string', port: 'number', protocol: 'string', otherContainer: 'string?', otherContainerPath: 'path', otherPortIndex: 'number' },
  check(pod, context) {
    const declared = containersOf(pod, { ephemeral: false }).flatMap(declaredPorts);
    // Report the later declaration in the file: the earlier one is what the reader saw first.
    declared.sort((a, b) => a.offset - b.offset);
    for (let i = 1; i < declared.length; i++) {
      const port = declared[i];
      const clash = declared
        .slice(0, i)
        .find(
          (other) =>
            other.field === port.field &&
            other.port === port.port &&
            other.protocol === port.protocol &&
            (port.field === 'containerPort' || other.hostIP === port.hostIP) &&
            runAtTheSameTime(other.container, port.container, pod.initContainers),
        );
      if (!clash) continue;
      const what = port.field === 'hostPort' ? `host port ${port.port}/${port.protocol}` : `port ${port.port}/${port.protocol}`;
      context.report({
        pair: port.pair,
        target: 'value',
        message:
          `Containers ${containerLabel(clash.container)} and ${containerLabel(port.container)} both declare ${what}. ` +
          `${describeOverlap(clash.container, port.container)} share the pod's network namespace, so the second one to bind it fails with "address already in use".`,
        data: {
          ...containerData(port.container),
          portIndex: port.portIndex,
          field: port.field,
          port: port.port,
          protocol: port.protocol,
          otherContainer: clash.container.name,
          otherContainerPath: clash.container.path,
          otherPortIndex: clash.portIndex,
        },
      });
    }
  },
});

function declaredPorts(container: ContainerModel): DeclaredPort[] {
  const ports = asSeq(getPair(container.node, 'ports')?.value);
  if (!ports) return [];
  const result: DeclaredPort[] = [];
  ports.items.forEach((item, portIndex) => {
    const map = asMap(item);
    const protocol = (scalarText(getPair(map, 'protocol')?.value) ?? 'TCP').toUpperCase();
    const hostIP = scalarText(getPair(map, 'hostIP')?.value) ?? '';
    for (const field of ['containerPort', 'hostPort'] as const) {
      const pair = getPair(map, field);
      const text = scalarText(pair?.value);
      if (!pair || text === undefined || !/^\d+$/.test(text) || Number(text) === 0) continue;
      result.push({ container, portIndex, field, port: Number(text), protocol, hostIP, pair, offset: nodeSpan(pair.value)?.start ?? 0 });
    }
  });
  return result;
}

/**
 * Regular init containers run one at a time, before the app, beside only the native sidecars started before them;
 * native sidecars and app containers then all run together.
 */
function runAtTheSameTime(a: ContainerModel, b: ContainerModel, initContainers: ContainerModel[]): boolean {
  if (a === b) return false;
  const longLived = (c: ContainerModel) => c.role === 'app' || c.role === 'native-sidecar';
  if (longLived(a) && longLived(b)) return true;
  const [init, other] = a.role === 'init' ? [a, b] : [b, a];
  if (init.role !== 'init' || other.role !== 'native-sidecar') return false;
  return initContainers.indexOf(other) < initContainers.indexOf(init);
}

function describeOverlap(a: ContainerModel, b: ContainerModel): string {
  if (a.role === 'init' || b.role === 'init') return 'The init container runs while the native sidecar started before it is running, and both';
  if (a.role === 'native-sidecar' || b.role === 'native-sidecar') return 'A native sidecar runs for the whole life of the pod, beside the app; both';
  return 'Both';
}
