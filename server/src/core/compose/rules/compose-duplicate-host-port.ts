import { portsCollide } from '../ports';
import type { ServiceFacts } from '../facts';
import { defineComposeRule } from './types';

/** The second container cannot start: "Bind for 0.0.0.0:8080 failed: port is already allocated". */
export const rule = defineComposeRule({
  id: 'compose-duplicate-host-port',
  defaultSeverity: 'error',
  summary: 'No two services (or two entries of one) publish the same host port',
  data: { service: 'string', other: 'string' },
  checkService(service, facts, context) {
    const own = facts.services[service.index];
    service.ports.forEach((port, entry) => {
      // The first earlier publication it collides with: of an earlier service, else an earlier entry of its own.
      const earlier =
        facts.services.slice(0, service.index).find((other) => canRunTogether(other, own) && other.ports.some((p) => portsCollide(p, port))) ??
        (service.ports.slice(0, entry).some((p) => portsCollide(p, port)) ? own : undefined);
      if (!earlier) return;
      const where = `${port.hostIp ? `${port.hostIp}:` : ''}${port.first === port.last ? port.first : `${port.first}-${port.last}`}/${port.protocol}`;
      const by = earlier === own ? 'an earlier entry of this service' : `service "${earlier.name}"`;
      context.report({
        node: port.node,
        message: `Host port ${where} is already published by ${by}: the second container fails to start ("port is already allocated").`,
        data: { service: service.name, other: earlier.name },
      });
    });
  },
});

/** Services in disjoint profiles are never started together. */
function canRunTogether(a: ServiceFacts, b: ServiceFacts): boolean {
  if (a === b || a.profiles.length === 0 || b.profiles.length === 0) return true;
  return a.profiles.some((p) => b.profiles.includes(p));
}
