import { containerLabel } from '../model/containers';
import type { ContainerPort } from '../model/ports';
import { closest } from '../text/closest';
import { listInWords } from '../text/words';
import { declaredPorts, podsOfService, portTargets, targetOf } from '../workspace/index/service-targets';
import { resourceLabel } from '../workspace/index/workspace-index';
import { defineRule } from './types';

/** The most ports a message lists. */
const LISTED = 6;

export const rule = defineRule({
  id: 'target-port-not-declared',
  group: 'workspace',
  defaultSeverity: 'warning',
  data: { targetPortNumber: 'number?', targetPortName: 'string?', suggestion: 'string?' },
  summary: "A Service's targetPort that no container of the pods it selects declares: a name none has, or a number none lists among ports that are declared.",
  checkWorkspace(context) {
    const service = context.resource;
    if (service.facts.kind !== 'Service') return;
    const selected = podsOfService(context.index, service);
    if (selected.length === 0) return;
    const declared = declaredPorts(selected);
    for (const port of service.facts.servicePorts) {
      const target = targetOf(port);
      if (target === undefined || portTargets(selected, port).length > 0) continue;
      // A number reaches the pod whether or not a container lists it; only when the pods list ports at all is a
      // missing one likely a mistake (ContainerPort: "Not specifying a port here DOES NOT prevent that port from being exposed").
      if (typeof target === 'number' && declared.every((p) => p.containerPort === undefined)) continue;
      const names = declared.flatMap((p) => (p.name ? [p.name] : []));
      const suggestion = typeof target === 'string' ? closest(target, names) : undefined;
      const workloads = listInWords([...new Set(selected.map((s) => resourceLabel(s.resource)))]);
      context.report({
        span: port.span,
        message:
          (typeof target === 'string'
            ? `targetPort "${target}" is the name of no container port of the pods this Service selects (${workloads}), so the Service has no endpoint for it`
            : `${port.targetPort === undefined ? `Port ${target} (the targetPort when none is written)` : `targetPort ${target}`} is declared by no container of the pods this Service selects (${workloads}); unless a process listens on it undeclared, connections are refused`) +
          (declared.length > 0 ? `. They declare ${portsText(declared)}.` : '. They declare no ports.') +
          (suggestion ? ` Did you mean "${suggestion}"?` : ''),
        data: { ...(typeof target === 'number' ? { targetPortNumber: target } : { targetPortName: target }), ...(suggestion ? { suggestion } : {}) },
      });
    }
  },
});

function portsText(ports: readonly ContainerPort[]): string {
  const text = ports.slice(0, LISTED).map((p) => `${p.containerPort ?? '?'}${p.name ? ` "${p.name}"` : ''} (${containerLabel(p.container)})`);
  if (ports.length > LISTED) text.push(`${ports.length - LISTED} more`);
  return listInWords(text);
}
