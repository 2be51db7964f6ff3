import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, lint, ruleFixture, underlines } from './rule-kit';

const id = 'unused-volume';

describe(id, () => {
  it('underlines the name of a volume no container mounts and marks it unnecessary', () => {
    const text = ruleFixture(id, 'bad');
    const found = underlines(text, id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: 'old-cache', line: 24 }]);
    assert.deepEqual(found[0].data?.volumePath, ['spec', 'template', 'spec', 'volumes', 1]);
    assert.equal(lint(text).find((f) => f.code === id)?.unnecessary, true);
  });

  it('counts mounts of init, app and ephemeral containers and volumeDevices', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('waits for containers before calling volumes unused', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: draft
spec:
  volumes:
    - name: data
      emptyDir: {}
`;
    assert.deepEqual(underlines(text, id), []);
  });
});
