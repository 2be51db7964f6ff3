import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'native-sidecar-startup-probe';

describe(id, () => {
  it('underlines a native secrets agent without a startupProbe and names the container it gates', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'info', text: 'vault-agent', line: 15 }]);
    assert.match(found[0].message, /starts "api" as soon as its process is running/);
  });

  it('is silent with a startupProbe, and for helpers nothing waits on (log shippers)', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('applies from 1.29 only', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.28' }), []);
  });
});
