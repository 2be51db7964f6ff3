import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'emptydir-size-limit';

describe(id, () => {
  it('underlines the emptyDir key of shared and log volumes without sizeLimit', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'info', text: 'emptyDir', line: 37 },
      { code: id, severity: 'info', text: 'emptyDir', line: 39 },
      { code: id, severity: 'info', text: 'emptyDir', line: 41 },
    ]);
    assert.match(found[0].message, /shared by "log-shipper" and "web"/);
    assert.match(found[1].message, /"scratch" is used for logs/);
    assert.match(found[2].message, /memory-backed/);
    assert.equal(found[2].data?.medium, 'Memory');
    assert.deepEqual(found[0].data?.emptyDirPath, ['spec', 'volumes', 0, 'emptyDir']);
  });

  it('is silent with a sizeLimit, on private scratch space and on names that merely contain "log"', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('leaves a log emptyDir that nobody mounts to unused-volume', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: example/web:1.4.2
  volumes:
    - name: logs
      emptyDir: {}
`;
    assert.deepEqual(underlines(text, id), []);
    assert.deepEqual(brief(underlines(text, 'unused-volume')), [{ code: 'unused-volume', severity: 'warning', text: 'logs', line: 10 }]);
  });
});
