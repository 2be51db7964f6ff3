import { closest } from '../../text/closest';
import { defineComposeRule, spanInNode } from './types';

/** compose-go: "service "app" refers to undefined volume logs: invalid compose project". */
export const rule = defineComposeRule({
  id: 'compose-undeclared-volume',
  defaultSeverity: 'error',
  summary: 'A named volume a service mounts is declared under the top-level volumes:',
  data: { service: 'string', volume: 'string', suggestion: 'string?' },
  checkService(service, facts, context) {
    if (facts.partial) return;
    for (const mount of service.mounts) {
      if (mount.type !== 'volume' || !mount.source || facts.declaredVolumes.has(mount.source)) continue;
      // only plain volume names: anything else is a path, an interpolation or already a schema problem
      if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(mount.source)) continue;
      const suggestion = closest(mount.source, [...facts.declaredVolumes]);
      const span = mount.short ? spanInNode(mount.node, mount.source, context.document.text) : undefined;
      context.report({
        ...(mount.sourcePair ? { pair: mount.sourcePair, target: 'value' as const } : span ? { span, node: mount.node } : { node: mount.node }),
        message: `Service "${service.name}" mounts volume "${mount.source}", which the top-level "volumes:" does not declare.${suggestion ? ` Did you mean "${suggestion}"?` : ` Declare it there.`}`,
        data: { service: service.name, volume: mount.source, ...(suggestion ? { suggestion } : {}) },
      });
    }
  },
});
