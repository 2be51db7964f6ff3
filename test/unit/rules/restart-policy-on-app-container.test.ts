import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'restart-policy-on-app-container';

describe(id, () => {
  it('underlines the restartPolicy key of an app container and calls it forbidden before 1.34', () => {
    const found = underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.33' });
    assert.deepEqual(brief(found), [{ code: id, severity: 'error', text: 'restartPolicy', line: 19 }]);
    assert.match(found[0].message, /spec\.template\.spec\.containers\[1\]\.restartPolicy: Forbidden: may not be set for non-init containers/);
    assert.match(found[0].message, /move it to `initContainers`/);
    assert.equal(found[0].data?.container, 'log-shipper');
    assert.deepEqual(found[0].data?.containerPath, ['spec', 'template', 'spec', 'containers', 1]);
  });

  it('names the ContainerRestartRules gate from 1.34 on, still as an error', () => {
    const found = underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.34' });
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /ContainerRestartRules feature gate \(alpha, off by default in Kubernetes 1\.34, KEP-5307\)/);
  });

  it('accepts restartPolicy on init containers and on the pod', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('gives a non-sidecar value a different advice', () => {
    const text = ruleFixture(id, 'bad').replace('restartPolicy: Always', 'restartPolicy: OnFailure');
    const [finding] = underlines(text, id, { kubernetesVersion: '1.30' });
    assert.match(finding.message, /Remove it/);
  });

  it('can be turned down in settings', () => {
    const found = underlines(ruleFixture(id, 'bad'), id, { rules: { [id]: 'warning' } });
    assert.equal(found[0].severity, 'warning');
    assert.deepEqual(underlines(ruleFixture(id, 'bad'), id, { rules: { [id]: 'off' } }), []);
  });
});
