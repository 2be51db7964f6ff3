import { portsCollide, type PublishedPort } from '../ports';
import type { ComposeService } from '../model';
import { defineComposeRule } from './types';

/** The second container cannot start: "Bind for 0.0.0.0:8080 failed: port is already allocated". */
export const rule = defineComposeRule({
  id: 'compose-duplicate-host-port',
  defaultSeverity: 'error',
  summary: 'No two services (or two entries of one) publish the same host port',
  data: { service: 'string', other: 'string' },
  check(model, context) {
    const seen: { service: ComposeService; port: PublishedPort }[] = [];
    for (const service of model.services) {
      for (const port of service.ports) {
        const earlier = seen.find((s) => portsCollide(s.port, port) && canRunTogether(s.service, service));
        seen.push({ service, port });
        if (!earlier) continue;
        const where = `${port.hostIp ? `${port.hostIp}:` : ''}${port.first === port.last ? port.first : `${port.first}-${port.last}`}/${port.protocol}`;
        const by = earlier.service === service ? 'an earlier entry of this service' : `service "${earlier.service.name}"`;
        context.report({
          node: port.node,
          message: `Host port ${where} is already published by ${by}: the second container fails to start ("port is already allocated").`,
          data: { service: service.name, other: earlier.service.name },
        });
      }
    }
  },
});

/** Services in disjoint profiles are never started together. */
function canRunTogether(a: ComposeService, b: ComposeService): boolean {
  if (a === b || a.profiles.length === 0 || b.profiles.length === 0) return true;
  return a.profiles.some((p) => b.profiles.includes(p));
}
