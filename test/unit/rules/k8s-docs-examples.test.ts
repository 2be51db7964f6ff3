import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rulesIn } from '../../../server/src/core/rules';
import { readFixture } from '../helpers';
import { brief, lint, underlines } from './rule-kit';

// The examples of kubernetes.io "Sidecar Containers", native and as they were written before native sidecars.
// Other rule groups (hygiene) may warn about `alpine:latest` or missing resources; these tests hold the
// sidecar rules to silence and everyone to "no error".
const sidecarRuleIds = rulesIn('native-sidecars', 'network', 'identity').map((rule) => rule.id);
const example = (name: string) => readFixture('k8s-docs', `${name}.yaml`);

function errors(text: string, kubernetesVersion: string) {
  return lint(text, { kubernetesVersion })
    .filter((finding) => finding.severity === 'error')
    .map((finding) => `${finding.code}: ${text.slice(finding.start, finding.end)}`);
}

describe('kubernetes.io sidecar examples', () => {
  it('legacy Job: the logshipper in containers keeps the Job from completing', () => {
    const found = underlines(example('job-legacy'), sidecarRuleIds);
    assert.deepEqual(brief(found), [{ code: 'job-classic-sidecar', severity: 'warning', text: 'logshipper', line: 15 }]);
    assert.match(found[0].message, /command `tail -f`/);
    assert.deepEqual(errors(example('job-legacy'), '1.34'), []);
  });

  for (const name of ['deployment-native', 'job-native', 'deployment-legacy']) {
    it(`${name}: no sidecar finding and no error on 1.29 to 1.36`, () => {
      for (const version of ['1.29', '1.34', '1.36']) {
        assert.deepEqual(brief(underlines(example(name), sidecarRuleIds, { kubernetesVersion: version })), [], `${name} on ${version}`);
        assert.deepEqual(errors(example(name), version), [], `errors in ${name} on ${version}`);
      }
    });
  }

  it('native Job on 1.27: the API server would reject the sidecar', () => {
    const found = underlines(example('job-native'), sidecarRuleIds, { kubernetesVersion: '1.27' });
    assert.deepEqual(brief(found), [{ code: 'native-sidecar-unsupported-version', severity: 'error', text: 'restartPolicy: Always', line: 18 }]);
    assert.match(found[0].message, /unknown field "spec\.template\.spec\.initContainers\[0\]\.restartPolicy"/);
  });

  it('native Job on 1.28: a warning, the gate is alpha', () => {
    const found = underlines(example('job-native'), sidecarRuleIds, { kubernetesVersion: '1.28' });
    assert.deepEqual(brief(found), [{ code: 'native-sidecar-unsupported-version', severity: 'warning', text: 'restartPolicy: Always', line: 18 }]);
  });
});
