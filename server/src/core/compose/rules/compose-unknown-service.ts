import { closest } from '../../text/closest';
import type { ServiceReference } from '../model';
import { defineComposeRule, referenceSpan } from './types';

/**
 * compose-go refuses the project ("service "proxy" depends on undefined service "ap": invalid compose project");
 * network_mode and volumes_from name services the same way.
 */
export const rule = defineComposeRule({
  id: 'compose-unknown-service',
  defaultSeverity: 'error',
  summary: 'depends_on, network_mode: service:<name> and volumes_from name a service the file defines',
  data: { service: 'string', reference: 'string', suggestion: 'string?' },
  checkService(service, facts, context) {
    if (facts.partial) return;
    const references: { reference: ServiceReference; via: string }[] = [
      ...service.dependsOn.filter((d) => !d.optional).map((reference) => ({ reference, via: 'depends on' })),
      ...(service.networkMode?.service ? [{ reference: service.networkMode.service, via: 'joins the network of' }] : []),
      ...service.volumesFrom.map((reference) => ({ reference, via: 'mounts the volumes of' })),
    ];
    for (const { reference, via } of references) {
      if (facts.byName.has(reference.name)) continue;
      const suggestion = closest(reference.name, facts.names.filter((n) => n !== service.name));
      const span = referenceSpan(reference, context.document.text);
      context.report({
        span,
        node: reference.node,
        message: `Service "${service.name}" ${via} undefined service "${reference.name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        data: { service: service.name, reference: reference.name, ...(suggestion ? { suggestion } : {}) },
      });
    }
  },
});
