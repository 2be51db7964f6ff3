import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rulesIn } from '../../../server/src/core/rules';
import { toCrlf } from '../helpers';
import { lint, ruleFixture, underlines } from './rule-kit';

const ids = rulesIn('shared-volumes', 'hygiene').map((rule) => rule.id);

const head = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n';
const oddShapes = [
  'volumes: data\ncontainers:\n  - name: a\n    volumeMounts: 5\n    volumeDevices: {name: x}',
  'volumes:\n  -\n  - just a string\n  - name: [1]\n    emptyDir: 3\n  - name: v\n    emptyDir:\ncontainers:\n  - name: a\n    volumeMounts:\n      - 7\n      - {name: {a: 1}, mountPath: [1]}\n      - {name: v, mountPath: "", readOnly: maybe}\n      - {name: v, mountPath: "//"}\n      - {name: v, mountPath: "/"}',
  'securityContext: root\ncontainers:\n  - name: a\n    image: 123\n    securityContext:\n      privileged: "true"\n      runAsUser: [0]\n      capabilities: {add: SYS_ADMIN}\n  - name: b\n    image: ":latest"\n    securityContext:\n      capabilities: {add: [null, 7, {x: 1}, "cap_sys_admin"]}',
  'containers:\n  - name: a\n    image: "@"\n    env: "PASSWORD=x"\n  - name: b\n    image: "a@"\n    env:\n      - PASSWORD\n      - {name: 5, value: 6}\n      - {name: TOKEN, value: {a: 1}}\n      - {name: "", value: x}\n      - {name: DB_URL, value: "postgres://u:$(P)@h"}\n      - {name: K, value: "-----BEGIN RSA PRIVATE KEY-----"}',
  'resources: {requests: 1}\noverhead: [1]\ncontainers:\n  - name: a\n    resources: {requests: {cpu: -1, memory: 1e400}, limits: {cpu: "", memory: "1e-400"}}\n  - name: b\n    resources: {requests: {cpu: "1e308k"}, limits: {cpu: 1}}',
  'initContainers:\n  - &c\n    name: a\n    restartPolicy: Always\n    image: fluent/fluent-bit\n    command: [tail, -F]\n    volumeMounts: [{name: v, mountPath: /var/log}]\n  - *c\ncontainers:\n  - *c\nvolumes:\n  - {name: v, emptyDir: {}}',
];

describe('shared-volume and hygiene rules on bad input', () => {
  it('never throw, whatever the shape', () => {
    for (const body of oddShapes) {
      assert.doesNotThrow(() => lint(head + body.replace(/^/gm, '  ') + '\n'), body);
    }
  });

  it('never throw on any prefix of their bad fixtures (a file being typed)', () => {
    for (const id of ids) {
      const text = ruleFixture(id, 'bad');
      for (let end = 0; end <= text.length; end += 7) {
        assert.doesNotThrow(() => lint(text.slice(0, end)), `${id} cut at ${end}`);
      }
    }
  });

  it('underline the same text on the same lines with CRLF line breaks', () => {
    for (const id of ids) {
      const text = ruleFixture(id, 'bad');
      const lf = underlines(text, id).map(({ text: t, line }) => ({ t, line }));
      const crlf = underlines(toCrlf(text), id).map(({ text: t, line }) => ({ t, line }));
      assert.ok(lf.length > 0, id);
      assert.deepEqual(crlf, lf, id);
    }
  });
});
