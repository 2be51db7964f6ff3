import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'duplicate-mount-path';

describe(id, () => {
  it('underlines the second mountPath, treating a trailing slash as the same path', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'error', text: '/etc/web/', line: 13 },
      { code: id, severity: 'error', text: '/data', line: 17 },
    ]);
    assert.match(found[0].message, /differ only in slashes/);
    assert.match(found[1].message, /"must be unique"/);
    assert.equal(found[1].data?.firstMountIndex, 2);
    assert.equal(found[1].data?.mountIndex, 3);
    assert.equal(found[1].data?.mountTarget, '/data');
  });

  it('allows nested paths and the same path in different containers', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('compares a devicePath with the mountPaths of the same container', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
    - name: db
      image: postgres:16.3
      volumeMounts:
        - name: data
          mountPath: /dev/xvda
      volumeDevices:
        - name: raw
          devicePath: /dev/xvda
  volumes:
    - name: data
      emptyDir: {}
    - name: raw
      persistentVolumeClaim:
        claimName: raw
`;
    const found = underlines(text, id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'error', text: '/dev/xvda', line: 14 }]);
    assert.equal(found[0].data?.mountList, 'volumeDevices');
  });
});
