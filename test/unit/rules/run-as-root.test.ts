import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'run-as-root';

describe(id, () => {
  it('underlines runAsUser: 0 and runAsNonRoot: false where they are set, a pod-level one once', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'warning', text: 'runAsUser: 0', line: 15 },
      { code: id, severity: 'warning', text: 'runAsNonRoot: false', line: 35 },
      { code: id, severity: 'warning', text: 'runAsUser: 0', line: 39 },
    ]);
    // "helper" sets its own user, so only two containers inherit the pod's root user.
    assert.deepEqual(found[0].data?.containers, ['web', 'worker']);
    assert.equal(found[0].data?.level, 'pod');
    assert.match(found[0].message, /inherited by container "web" and container "worker"/);
    assert.deepEqual(found[1].data?.settingPath, ['spec', 'containers', 0, 'securityContext', 'runAsNonRoot']);
  });

  it('is silent when containers override the pod and when nothing is set', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('ignores Windows pods, where these Linux settings do not apply', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os:
    name: windows
  securityContext:
    runAsUser: 0
  containers:
    - name: app
      image: example/app:1.0.0
`;
    assert.deepEqual(underlines(text, id), []);
  });
});
