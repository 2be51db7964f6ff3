import { containerLabel } from '../model/containers';
import { classifySidecar } from '../model/known-sidecars';
import { listInWords } from '../text/words';
import { podsOfService, portTargets, targetOf } from '../workspace/index/service-targets';
import { resourceLabel } from '../workspace/index/workspace-index';
import { defineRule } from './types';

export const rule = defineRule({
  id: 'service-targets-sidecar',
  group: 'workspace',
  defaultSeverity: 'hint',
  data: { container: 'string?', targetPortNumber: 'number?', targetPortName: 'string?' },
  summary: 'A Service port sends its traffic to a sidecar (a proxy, an exporter) of the pods it selects, not to the app container: said so, for the reader.',
  checkWorkspace(context) {
    const service = context.resource;
    if (service.facts.kind !== 'Service') return;
    const selected = podsOfService(context.index, service);
    for (const port of service.facts.servicePorts) {
      const targets = portTargets(selected, port);
      // Only when every container it reaches is a helper: a port the app also declares is the app's.
      if (targets.length === 0 || !targets.every((t) => t.sidecar)) continue;
      const containers = [...new Set(targets.map((t) => t.port.container))];
      const target = targetOf(port);
      const kinds = [...new Set(containers.map((c) => classifySidecar(c)?.kind ?? c.role.replace('-', ' ')))];
      context.report({
        span: port.span,
        message:
          `Traffic to this port goes to the sidecar ${listInWords(containers.map(containerLabel))} (${listInWords(kinds)}) of ${listInWords([...new Set(targets.map((t) => resourceLabel(t.selected.resource)))])}, ` +
          'not to the app container: the sidecar forwards it (or serves it) on its own port.',
        data: { container: containers[0].name, ...(typeof target === 'number' ? { targetPortNumber: target } : typeof target === 'string' ? { targetPortName: target } : {}) },
      });
    }
  },
});
