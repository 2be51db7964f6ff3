import type { DataOf, DataShape } from '../data-shape';
import { asMap, asScalar, getMap, getPair, getSeq, type MapNode, type PairNode, type YamlPath } from '../parse/nodes';
import { portNameErrors, portNumberErrors } from '../kubernetes/names';
import { invalidValue } from '../kubernetes/api-errors';
import { containersOf } from '../model/pod';
import { defineRule, type RuleContext } from './types';

/** The data of its findings: see data-shape.ts. */
const DATA = { valuePath: 'path', replacement: 'string?', raw: 'boolean?' } as const satisfies DataShape;

/** Where a container refers to a port by number or name (IntOrString): probes and lifecycle hooks. */
const HANDLERS: readonly YamlPath[] = [
  ['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop'],
];

function portPair(handler: MapNode | undefined, action: string): PairNode | undefined {
  return getPair(getMap(handler, action), 'port');
}

/** ValidatePortNumOrName: a number must be a port number, a string must be a port name (IANA_SVC_NAME). */
function checkPortRef(context: RuleContext<DataOf<typeof DATA>>, pair: PairNode, path: YamlPath, namesOnly: boolean): void {
  const scalar = asScalar(pair.value);
  if (!scalar) return;
  const value = scalar.value;
  if (typeof value === 'number') {
    const errors = portNumberErrors(value);
    if (errors.length) context.report({ pair, target: 'value', message: invalidValue(path, value, errors.join(', ')), data: { valuePath: path } });
    return;
  }
  if (typeof value !== 'string' || namesOnly === false) return;
  if (/\{\{|\$\{/.test(value)) return;
  const errors = portNameErrors(value);
  if (!errors.length) return;
  const number = /^\d+$/.test(value) ? Number(value) : undefined;
  context.report({
    pair,
    target: 'value',
    message:
      invalidValue(path, value, errors.join(', ')) +
      (number !== undefined ? `. A quoted number is a port name, and names a port no container has: write ${number} without quotes.` : ''),
    data: { valuePath: path, ...(number !== undefined ? { replacement: String(number), raw: true } : {}) },
  });
}

export const rule = defineRule({
  id: 'invalid-port',
  group: 'api-server',
  defaultSeverity: 'error',
  summary: 'A port the API server rejects: a containerPort or hostPort outside 1–65535, or a probe port that is neither a port number nor a valid port name ("8080" in quotes).',
  data: DATA,
  check(pod, context) {
    for (const container of containersOf(pod, { ephemeral: true })) {
      getSeq(container.node, 'ports')?.items.forEach((item, index) => {
        const port = asMap(item);
        for (const key of ['containerPort', 'hostPort']) {
          const pair = getPair(port, key);
          const value = asScalar(pair?.value)?.value;
          if (!pair || typeof value !== 'number') continue;
          // hostPort 0 means "none".
          if (key === 'hostPort' && value === 0) continue;
          const errors = portNumberErrors(value);
          const path = [...container.path, 'ports', index, key];
          if (errors.length) context.report({ pair, target: 'value', message: invalidValue(path, value, errors.join(', ')), data: { valuePath: path } });
        }
      });
      for (const handlerPath of HANDLERS) {
        let handler: MapNode | undefined = container.node;
        for (const step of handlerPath) handler = getMap(handler, step as string);
        if (!handler) continue;
        for (const action of ['httpGet', 'tcpSocket', 'grpc']) {
          const pair = portPair(handler, action);
          if (pair) checkPortRef(context, pair, [...container.path, ...handlerPath, action, 'port'], action !== 'grpc');
        }
      }
    }
  },
});
