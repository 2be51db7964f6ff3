import { defineComposeRule } from './types';

/**
 * `condition: service_healthy` waits for the dependency's health status; with no healthcheck it never gets one
 * and `docker compose up` fails ("container … has no healthcheck configured"). An image may declare a
 * HEALTHCHECK of its own, which this file cannot see: hence a warning.
 */
export const rule = defineComposeRule({
  id: 'compose-healthy-without-healthcheck',
  defaultSeverity: 'warning',
  summary: 'depends_on with condition: service_healthy names a service that has a healthcheck',
  data: { service: 'string', dependency: 'string' },
  checkService(service, facts, context) {
    for (const dependency of service.dependsOn) {
      if (dependency.condition !== 'service_healthy' || !dependency.conditionPair) continue;
      const target = facts.byName.get(dependency.name);
      if (!target || target.healthcheck === 'on') continue;
      context.report({
        pair: dependency.conditionPair,
        target: 'value',
        message: `Service "${service.name}" waits for "${dependency.name}" to be healthy, but "${dependency.name}" has no healthcheck${target.healthcheck === 'off' ? ' (it is disabled)' : ''}: unless its image declares one, \`docker compose up\` fails. Add a healthcheck to "${dependency.name}".`,
        data: { service: service.name, dependency: dependency.name },
      });
    }
  },
});
