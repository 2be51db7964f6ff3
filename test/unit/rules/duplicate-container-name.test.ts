import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'duplicate-container-name';

describe(id, () => {
  it('underlines the later of two containers with one name, across lists', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'error', text: 'proxy', line: 13 }]);
    assert.match(found[0].message, /spec\.containers\[1\]\.name: Duplicate value: "proxy"/);
    assert.match(found[0].message, /spec\.initContainers\[0\]/);
  });

  it('is silent when every name is unique', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('counts ephemeral containers and reports each repeat', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: example/web:1.0
    - name: web
      image: example/web:1.0
  ephemeralContainers:
    - name: web
      image: busybox:1.36
`;
    assert.deepEqual(brief(underlines(text, id)), [
      { code: id, severity: 'error', text: 'web', line: 9 },
      { code: id, severity: 'error', text: 'web', line: 12 },
    ]);
  });
});
