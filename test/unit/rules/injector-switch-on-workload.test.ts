import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'injector-switch-on-workload';

describe(id, () => {
  it('underlines an injection switch in the Deployment’s own metadata', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: 'vault.hashicorp.com/agent-inject', line: 6 }]);
    assert.match(found[0].message, /spec\.template\.metadata\.annotations/);
  });

  it('accepts the switch on the pod template, and on a Pod’s own metadata', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    vault.hashicorp.com/agent-inject: "true"\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27.0\n';
    assert.deepEqual(underlines(pod, id), []);
  });
});
