import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureFindings } from './api-kit';
import { ruleFixture, underlines } from './rule-kit';

const id = 'init-container-before-sidecar';

describe(id, () => {
  it('underlines an init container that reaches a later native sidecar at a loopback address', () => {
    assert.deepEqual(fixtureFindings(id), [{ code: id, severity: 'warning', text: 'migrate', line: 17 }]);
    const [finding] = underlines(ruleFixture(id, 'bad'), id);
    assert.match(finding.message, /reaches 127\.0\.0\.1:5432, served by native sidecar "cloud-sql-proxy", but runs before it/);
    assert.match(finding.message, /Move "cloud-sql-proxy" above "migrate"/);
  });

  it('reads DB_HOST/DB_PORT pairs and containerPorts, and applies from 1.29', () => {
    const text = ruleFixture(id, 'bad').replace(/- name: migrate[\s\S]*?(?=- name: cloud-sql-proxy)/, '').replace(/- name: cloud-sql-proxy[\s\S]*?(?=- name: seed)/, '') +
      '';
    const moved = text.replace('initContainers:\n', 'initContainers:\n        - name: pg\n          image: postgres:16\n          restartPolicy: Always\n          ports: [{containerPort: 5432}]\n');
    assert.deepEqual(underlines(moved, id), []);
    const after = text.replace('      containers:\n', '        - name: pg\n          image: postgres:16\n          restartPolicy: Always\n          ports: [{containerPort: 5432}]\n      containers:\n');
    assert.deepEqual(underlines(after, id).map((f) => f.text), ['seed']);
    assert.deepEqual(underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.28' }), []);
  });
});
