import { defineComposeRule } from './types';

/**
 * Docker refuses to create such a container: "conflicting options: port publishing and the container type
 * network mode" (and "port exposing" for `expose`). The ports belong on the service that owns the namespace.
 */
export const rule = defineComposeRule({
  id: 'compose-ports-with-shared-network',
  defaultSeverity: 'error',
  summary: 'A service that joins another service\'s network (network_mode: service:<name>) cannot publish or expose ports',
  data: { service: 'string', key: 'string', owner: 'string?' },
  checkService(service, _facts, context) {
    const mode = service.networkMode;
    if (!mode?.joinsContainer) return;
    const owner = mode.service?.name;
    for (const [pair, what] of [
      [service.portsPair, 'publish'],
      [service.exposePair, 'expose'],
    ] as const) {
      if (!pair) continue;
      context.report({
        pair,
        message: `Service "${service.name}" uses network_mode "${mode.value}", so Docker refuses to ${what} ports on it ("conflicting options: port ${what === 'publish' ? 'publishing' : 'exposing'} and the container type network mode"). ${owner ? `Declare them on "${owner}", whose network it shares.` : 'Declare them on the container whose network it shares.'}`,
        data: { service: service.name, key: what === 'publish' ? 'ports' : 'expose', ...(owner ? { owner } : {}) },
      });
    }
  },
});
