import type { Document } from 'yaml';
import { asMap, asSeq, scalarText } from '../../parse/nodes';
import { field } from '../model';
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
  check(model, context) {
    for (const service of model.services) {
      for (const dependency of service.dependsOn) {
        if (dependency.condition !== 'service_healthy' || !dependency.conditionPair) continue;
        const target = model.byName.get(dependency.name);
        if (!target || hasHealthcheck(target.healthcheckPair?.value, context.document.yaml)) continue;
        context.report({
          pair: dependency.conditionPair,
          target: 'value',
          message: `Service "${service.name}" waits for "${dependency.name}" to be healthy, but "${dependency.name}" has no healthcheck${target.healthcheckPair ? ' (it is disabled)' : ''}: unless its image declares one, \`docker compose up\` fails. Add a healthcheck to "${dependency.name}".`,
          data: { service: service.name, dependency: dependency.name },
        });
      }
    }
  },
});

/** A healthcheck that is there and neither `disable: true` nor `test: ["NONE"]`. */
function hasHealthcheck(value: unknown, document: Document.Parsed): boolean {
  const map = asMap(value);
  if (!map) return false;
  if (scalarText(field(map, 'disable', document)?.value) === 'true') return false;
  const test = field(map, 'test', document)?.value;
  return (scalarText(test) ?? scalarText(asSeq(test)?.items[0])) !== 'NONE';
}
