import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'probe-on-init-container';

describe(id, () => {
  it('underlines probe and lifecycle keys of a regular init container', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'error', text: 'readinessProbe', line: 9 },
      { code: id, severity: 'error', text: 'lifecycle', line: 12 },
    ]);
    assert.match(found[0].message, /spec\.initContainers\[0\]\.readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always/);
    assert.match(found[0].message, /native sidecar/);
    assert.equal(found[1].data?.field, 'lifecycle');
  });

  it('does not offer native sidecars where the cluster has none', () => {
    const [finding] = underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.27' });
    assert.doesNotMatch(finding.message, /native sidecar/);
  });

  it('allows probes and lifecycle on native sidecars and app containers', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });
});
