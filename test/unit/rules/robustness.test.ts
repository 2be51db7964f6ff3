import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rulesIn } from '../../../server/src/core/rules';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../../server/src/core/settings';
import { toCrlf } from '../helpers';
import { lint, ruleFixture, underlines } from './rule-kit';

const ids = rulesIn('native-sidecars', 'network', 'identity').map((rule) => rule.id);

const head = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n';
const oddShapes = [
  'containers: nginx',
  'containers:\n  -\n  - just a string\n  - name: [1, 2]\n    ports: 80\n  - name: 7\n    restartPolicy: {a: 1}\n    livenessProbe: 3',
  'initContainers:\n  a: b\ncontainers:\n  - name: x\n    ports:\n      - containerPort: abc\n      - containerPort: 99999999999999999999\n      - 8080\n      - {containerPort: 0}',
  'initContainers:\n  - name: i\n    restartPolicy: Always\n    readinessProbe:\n      httpGet: {port: {name: x}}\n    ports: [{containerPort: 1}, {containerPort: 1}]\n  - restartPolicy:\n    startupProbe: {tcpSocket: {port: ""}}',
  'containers:\n  - &c\n    name: a\n    image: envoyproxy/envoy\n    ports: [{containerPort: 1}]\n  - *c\n  - *c',
  'containers:\n  - name: a\n    image: "@@@::://"\n    command: {sh: 1}\n    args: [[["tail -f"]]]',
];

describe('sidecar rules on bad input', () => {
  it('never throw, whatever the shape, on every supported version', () => {
    for (const body of oddShapes) {
      for (const kubernetesVersion of SUPPORTED_KUBERNETES_VERSIONS) {
        assert.doesNotThrow(() => lint(head + body.replace(/^/gm, '  ') + '\n', { kubernetesVersion }), body);
      }
    }
  });

  it('underline the same text on the same lines with CRLF line breaks', () => {
    for (const id of ids) {
      const text = ruleFixture(id, 'bad');
      const version = id === 'native-sidecar-unsupported-version' ? '1.27' : '1.34';
      const lf = underlines(text, id, { kubernetesVersion: version }).map(({ text: t, line }) => ({ t, line }));
      const crlf = underlines(toCrlf(text), id, { kubernetesVersion: version }).map(({ text: t, line }) => ({ t, line }));
      assert.ok(lf.length > 0, id);
      assert.deepEqual(crlf, lf, id);
    }
  });
});
