import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'request-above-limit';

describe(id, () => {
  it('underlines a request larger than its limit, comparing amounts across units', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'error', text: '500m', line: 12 },
      // 600M (600,000,000 bytes) is more than 512Mi (536,870,912 bytes).
      { code: id, severity: 'error', text: '600M', line: 23 },
    ]);
    assert.match(found[0].message, /CPU request of native sidecar "proxy" \(500m\) is larger than its limit \(0\.25\)/);
    assert.match(found[0].message, /at least 500m/);
    assert.deepEqual(found[1].data?.limitPath, ['spec', 'containers', 0, 'resources', 'limits', 'memory']);
    assert.equal(found[1].data?.resource, 'memory');
  });

  it('is silent on equal amounts written differently and on a request or a limit alone', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('checks pod-level resources too', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  resources:
    requests:
      memory: 2Gi
    limits:
      memory: 1Gi
  containers:
    - name: web
      image: example/web:1.4.2
`;
    const found = underlines(text, id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'error', text: '2Gi', line: 8 }]);
    assert.match(found[0].message, /the pod-level resources/);
  });
});
