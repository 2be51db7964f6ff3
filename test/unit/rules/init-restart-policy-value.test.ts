import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'init-restart-policy-value';

describe(id, () => {
  it('underlines every value other than Always on init containers', () => {
    const found = underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.33' });
    assert.deepEqual(brief(found), [
      { code: id, severity: 'error', text: 'Never', line: 9 },
      { code: id, severity: 'error', text: 'always', line: 12 },
    ]);
    assert.match(found[0].message, /spec\.initContainers\[0\]\.restartPolicy: Unsupported value: "Never": supported values: "Always"/);
    assert.match(found[1].message, /case-sensitive/);
    assert.equal(found[1].data?.replacement, 'Always');
    assert.equal(found[1].data?.container, 'proxy');
  });

  it('mentions the ContainerRestartRules gate for Never on 1.34+', () => {
    const [never] = underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.34' });
    assert.match(never.message, /ContainerRestartRules/);
    assert.equal(never.severity, 'error');
  });

  it('is silent on Always and on init containers without restartPolicy', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('treats an empty `restartPolicy:` as unset', () => {
    const text = ruleFixture(id, 'good').replace('      restartPolicy: Always', '      restartPolicy:');
    assert.deepEqual(underlines(text, id), []);
  });
});
