import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from '../rules/rule-kit';

const id = 'compose-sidecar-restart';

describe(id, () => {
  it('underlines sidecars without a restart policy next to a main service that has one', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'warning', text: 'proxy', line: 7 },
      { code: id, severity: 'warning', text: 'shipper', line: 10 },
    ]);
    assert.deepEqual(found[0].data, { service: 'proxy', main: 'app', policy: 'unless-stopped' });
  });

  it('accepts restart: and deploy.restart_policy on the sidecars', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('says nothing when the main service does not restart, or restart is "no"', () => {
    const text = 'services:\n  app:\n    image: a:1\n    restart: "no"\n  proxy:\n    image: envoyproxy/envoy:v1.30.1\n    network_mode: service:app\n';
    assert.deepEqual(underlines(text, id), []);
  });
});
