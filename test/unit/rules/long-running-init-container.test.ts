import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'long-running-init-container';

describe(id, () => {
  it('underlines the name of each regular init container that never exits', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'warning', text: 'logshipper', line: 15 },
      { code: id, severity: 'warning', text: 'envoy', line: 18 },
    ]);
    assert.match(found[0].message, /stay in Init forever/);
    assert.match(found[0].message, /Add `restartPolicy: Always`/);
    assert.equal(found[1].data?.sidecarKind, 'proxy');
  });

  it('tells clusters without native sidecars to use containers instead', () => {
    const [finding] = underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.28' });
    assert.match(finding.message, /Kubernetes 1\.28 has no native sidecars: move it to `containers`/);
  });

  it('is silent for one-shot helpers and native sidecars', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });
});
