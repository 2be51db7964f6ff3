import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';
import { readFixture } from '../helpers';

const id = 'native-sidecar-unsupported-version';

describe(id, () => {
  it('is an error on 1.27 that quotes the strict decoding error with the workload path', () => {
    const found = underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.27' });
    assert.deepEqual(brief(found), [{ code: id, severity: 'error', text: 'restartPolicy: Always', line: 20 }]);
    assert.match(found[0].message, /strict decoding error: unknown field "spec\.template\.spec\.initContainers\[1\]\.restartPolicy"/);
  });

  it('is a warning on 1.28, where the SidecarContainers gate is alpha and off', () => {
    const found = underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.28' });
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: 'restartPolicy: Always', line: 20 }]);
    assert.match(found[0].message, /SidecarContainers feature gate/);
  });

  for (const version of ['1.29', '1.33', '1.36']) {
    it(`is silent on ${version}`, () => {
      assert.deepEqual(underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: version }), []);
    });
  }

  it('is silent without native sidecars, even on 1.27', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id, { kubernetesVersion: '1.27' }), []);
  });

  it('spells the path of a CronJob and of a bare Pod', () => {
    const cron = underlines(readFixture('rules', 'job-classic-sidecar', 'good.yaml'), id, { kubernetesVersion: '1.27' });
    assert.match(cron[0].message, /unknown field "spec\.jobTemplate\.spec\.template\.spec\.initContainers\[0\]\.restartPolicy"/);
    const pod = underlines(readFixture('rules', 'init-restart-policy-value', 'good.yaml'), id, { kubernetesVersion: '1.27' });
    assert.match(pod[0].message, /unknown field "spec\.initContainers\[1\]\.restartPolicy"/);
  });
});
