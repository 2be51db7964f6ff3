import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'injected-port-conflict';

describe(id, () => {
  it('underlines a declared port that the injected istio-proxy listens on', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: '15090', line: 20 }]);
    assert.equal(found[0].data?.injected, 'istio-proxy');
  });

  it('is silent for other ports, and when nothing is injected', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
    assert.deepEqual(underlines(ruleFixture(id, 'bad').replace('sidecar.istio.io/inject: "true"', 'tier: web'), id), []);
  });
});
