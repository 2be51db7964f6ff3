import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'service-targets-sidecar';

describe(id, () => {
  it('marks the Service port that reaches only the native sidecar envoy', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'hint', text: 'proxy', line: 38 }]);
    assert.equal(found[0].message, 'Traffic to this port goes to the sidecar "envoy" (proxy) of Deployment "web", not to the app container: the sidecar forwards it (or serves it) on its own port.');
  });

  it('is silent for ports of the app container', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });
});
