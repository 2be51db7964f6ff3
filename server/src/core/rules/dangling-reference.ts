import { closest } from '../text/closest';
import { listInWords } from '../text/words';
import { isBuiltIn, resourceLabel, scopeLabel, type IndexedReference } from '../workspace/index/workspace-index';
import { defineRule, type WorkspaceRuleContext } from './types';

type Context = WorkspaceRuleContext<{ targetKind: string; name: string; namespace?: string; portNumber?: number; portName?: string; suggestion?: string }>;

/** The most names a message lists. */
const LISTED = 5;

export const rule = defineRule({
  id: 'dangling-reference',
  group: 'workspace',
  defaultSeverity: 'warning',
  data: { targetKind: 'string', name: 'string', namespace: 'string?', portNumber: 'number?', portName: 'string?', suggestion: 'string?' },
  summary: 'A reference (a ConfigMap, Secret, ServiceAccount, PVC, Service, scale target…) names a resource that the workspace does not define, though it defines others of that kind there.',
  checkWorkspace(context) {
    for (const reference of context.resource.references) {
      if (reference.facts.name.includes('{{')) continue;
      const targets = context.index.resolve(reference);
      if (targets.length === 0) reportMissing(reference, context);
      else reportMissingPort(reference, context);
    }
  },
});

function reportMissing(reference: IndexedReference, context: Context): void {
  const { targetKind, name, optional, kind } = reference.facts;
  if (isBuiltIn(targetKind, name)) return;
  // A kind the workspace does not define here is managed elsewhere (an operator, another repository): silence.
  const defined = context.index.ofKind(targetKind, reference.namespace).flatMap((r) => (r.facts.name === undefined ? [] : [r.facts.name]));
  if (defined.length === 0) return;
  const suggestion = closest(name, defined);
  const names = [...new Set(defined)].sort();
  const listed = names.slice(0, LISTED).map((n) => `"${n}"`);
  if (names.length > LISTED) listed.push(`${names.length - LISTED} more`);
  context.report({
    span: reference.facts.span,
    severity: optional ? 'info' : undefined,
    message:
      `${kind.field}: ${targetKind} "${name}" is not defined in ${scopeLabel(reference.namespace)} of the workspace, which defines ${targetKind} ${listInWords(listed)} there.` +
      (suggestion ? ` Did you mean "${suggestion}"?` : '') +
      (optional ? ' The reference is optional: the pod starts without it.' : ''),
    data: { targetKind, name, namespace: reference.namespace, ...(suggestion ? { suggestion } : {}) },
  });
}

/** An Ingress or HTTPRoute backend whose Service exists but has no such port. */
function reportMissingPort(reference: IndexedReference, context: Context): void {
  const port = reference.facts.port;
  if (!port || reference.facts.targetKind !== 'Service') return;
  const services = context.index.resolve(reference);
  const ports = services.flatMap((s) => s.facts.servicePorts);
  if (ports.length === 0) return;
  const matches = typeof port.value === 'number' ? ports.some((p) => p.port === port.value) : ports.some((p) => p.name === port.value);
  if (matches) return;
  const declared = ports.map((p) => (p.name ? `${p.port ?? '?'} ("${p.name}")` : String(p.port ?? '?')));
  const names = ports.flatMap((p) => (p.name ? [p.name] : []));
  const suggestion = typeof port.value === 'string' ? closest(port.value, names) : undefined;
  context.report({
    span: port.span,
    message:
      `${resourceLabel(services[0])} has no port ${typeof port.value === 'number' ? port.value : `named "${port.value}"`}; its ports are ${listInWords(declared)}.` +
      (suggestion ? ` Did you mean "${suggestion}"?` : '') +
      ' Requests to this backend find no endpoint.',
    data: { targetKind: 'Service', name: reference.facts.name, ...(typeof port.value === 'number' ? { portNumber: port.value } : { portName: port.value }), ...(suggestion ? { suggestion } : {}) },
  });
}
