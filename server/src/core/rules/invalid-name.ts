import type { DataOf, DataShape } from '../data-shape';
import { asMap, asScalar, getMap, getPair, getSeq, scalarText, type PairNode, type YamlPath } from '../parse/nodes';
import { kindValidation } from '../kubernetes/object-validation';
import { nameErrors, portNameErrors, suggestName, type NameFormat } from '../kubernetes/names';
import { containersOf } from '../model/pod';
import { invalidValue, requiredValue } from '../kubernetes/api-errors';
import { defineRule, type RuleContext } from './types';

/** The data of its findings: see data-shape.ts. */
const DATA = { valuePath: 'path', replacement: 'string?' } as const satisfies DataShape;

/** Values a generator fills in before the API server sees them (Helm, envsubst). */
const TEMPLATED = /\{\{|\$\{/;

function reportName(context: RuleContext<DataOf<typeof DATA>>, pair: PairNode, path: YamlPath, errors: string[], format: NameFormat | undefined, value: string): void {
  const replacement = format ? suggestName(value, format) : undefined;
  context.report({
    pair,
    target: 'value',
    message: invalidValue(path, value, errors.join(', ')),
    data: { valuePath: path, ...(replacement && replacement !== value ? { replacement } : {}) },
  });
}

export const rule = defineRule({
  id: 'invalid-name',
  group: 'api-server',
  defaultSeverity: 'error',
  summary: 'A name the API server rejects: an object name that is not a DNS-1123 subdomain (or label) for its kind, a container name that is not a DNS-1123 label, a port name that is not an IANA service name.',
  data: DATA,
  checkDocument(document, context) {
    const rules = kindValidation(document.apiVersion, document.kind);
    if (!rules) return;
    const metadata = getMap(document.root, 'metadata');
    const namePair = getPair(metadata, 'name');
    const generatePair = getPair(metadata, 'generateName');
    const name = scalarText(namePair?.value);
    const generateName = scalarText(generatePair?.value);
    if (generatePair && generateName && !TEMPLATED.test(generateName)) {
      const errors = nameErrors(generateName, rules.name, true);
      if (errors.length) reportName(context, generatePair, ['metadata', 'generateName'], errors, rules.name, generateName);
    }
    if (!name) {
      if (!generateName) {
        context.report({
          ...(namePair ? { pair: namePair } : metadata ? { pair: getPair(document.root, 'metadata') } : { pair: getPair(document.root, 'kind'), target: 'value' as const }),
          message: requiredValue(['metadata', 'name'], 'name or generateName is required'),
        });
      }
      return;
    }
    if (!namePair || TEMPLATED.test(name)) return;
    const errors = nameErrors(name, rules.name);
    if (rules.maxNameLength && name.length > rules.maxNameLength.length) errors.push(rules.maxNameLength.message);
    if (errors.length) reportName(context, namePair, ['metadata', 'name'], errors, rules.name, name);
  },
  check(pod, context) {
    for (const container of containersOf(pod, { ephemeral: true })) {
      const namePair = getPair(container.node, 'name');
      if (container.name && namePair && asScalar(namePair.value) && !TEMPLATED.test(container.name)) {
        const errors = nameErrors(container.name, 'dns1123-label');
        if (errors.length) reportName(context, namePair, [...container.path, 'name'], errors, 'dns1123-label', container.name);
      }
      getSeq(container.node, 'ports')?.items.forEach((item, index) => {
        const portNamePair = getPair(asMap(item), 'name');
        const portName = scalarText(portNamePair?.value);
        if (!portNamePair || portName === undefined || portName === '' || TEMPLATED.test(portName)) return;
        const errors = portNameErrors(portName);
        if (errors.length) reportName(context, portNamePair, [...container.path, 'ports', index, 'name'], errors, undefined, portName);
      });
    }
  },
});
