import { asScalar, getMap, getPair, type MapNode, type YamlPath } from '../parse/nodes';
import { containersOf, type ContainerModel } from '../model/pod';
import { closest } from '../text/closest';
import { CONTAINER_DATA, containerData, containerLabel } from '../model/containers';
import { containerPorts } from '../model/ports';
import { defineRule } from './types';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const LIFECYCLE_HOOKS = ['postStart', 'preStop'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

export const rule = defineRule({
  id: 'probe-port-not-exposed',
  group: 'network',
  defaultSeverity: 'warning',
  summary: 'A probe (or lifecycle hook) names a port that its container does not declare in `ports[].name`.',
  data: { ...CONTAINER_DATA, portName: 'string', declaredPorts: 'strings', suggestion: 'string?', handlerPath: 'path' },
  check(pod, context) {
    for (const container of containersOf(pod, { ephemeral: false })) {
      const names = portNames(container);
      for (const { handler, path } of handlers(container)) {
        const portPair = getPair(handler, 'port');
        const scalar = asScalar(portPair?.value);
        // Only names: numbers, and strings of digits (the kubelet reads those as numbers), need no declaration.
        if (!portPair || !scalar || typeof scalar.value !== 'string' || /^\d+$/.test(scalar.value.trim())) continue;
        const name = scalar.value;
        if (names.includes(name)) continue;
        const suggestion = closest(name, names);
        const where = path.join('.');
        context.report({
          pair: portPair,
          target: 'value',
          message:
            `\`${where}\` uses the port name "${name}", but container ${containerLabel(container)} declares ` +
            (names.length ? `only ${names.map((n) => `"${n}"`).join(', ')}` : 'no named ports') +
            ': the kubelet cannot resolve it and the check fails.' +
            (suggestion ? ` Did you mean "${suggestion}"?` : ' Add a `ports` entry with this `name`, or use the port number.'),
          data: { ...containerData(container), portName: name, declaredPorts: names, suggestion, handlerPath: [...container.path, ...path] },
        });
      }
    }
  },
});

function portNames(container: ContainerModel): string[] {
  return containerPorts(container).flatMap((port) => (port.name ? [port.name] : []));
}

function handlers(container: ContainerModel): { handler: MapNode; path: YamlPath }[] {
  const found: { handler: MapNode; path: YamlPath }[] = [];
  const collect = (owner: MapNode | undefined, prefix: YamlPath) => {
    for (const kind of HANDLERS) {
      const handler = getMap(owner, kind);
      if (handler) found.push({ handler, path: [...prefix, kind] });
    }
  };
  for (const probe of PROBES) collect(getMap(container.node, probe), [probe]);
  const lifecycle = getMap(container.node, 'lifecycle');
  for (const hook of LIFECYCLE_HOOKS) collect(getMap(lifecycle, hook), ['lifecycle', hook]);
  return found;
}
