import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'undefined-volume';

describe(id, () => {
  it('underlines the name of a mount whose volume is not declared, with a suggestion when one is close', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'error', text: 'app-logs', line: 10 },
      { code: id, severity: 'error', text: 'cache', line: 12 },
    ]);
    assert.match(found[0].message, /Did you mean "app-log"\?/);
    assert.equal(found[0].data?.suggestion, 'app-log');
    assert.deepEqual(found[0].data?.containerPath, ['spec', 'containers', 0]);
    assert.equal(found[1].data?.mountIndex, 1);
    assert.match(found[1].message, /Add it under spec\.volumes/);
  });

  it('accepts StatefulSet claim templates and volumeDevices that name declared volumes', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('checks volumeDevices too', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
    - name: db
      image: postgres:16.3
      volumeDevices:
        - name: raw
          devicePath: /dev/xvda
`;
    const found = underlines(text, id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'error', text: 'raw', line: 10 }]);
    assert.equal(found[0].data?.mountList, 'volumeDevices');
  });
});
