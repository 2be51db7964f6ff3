import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'shipper-mount-read-only';

describe(id, () => {
  it('underlines the writable mount of a log shipper on a volume the app writes', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'info', text: '/var/log/app', line: 20 },
      // An explicit readOnly: false is what the fix changes, so it is what gets underlined.
      { code: id, severity: 'info', text: 'readOnly: false', line: 33 },
    ]);
    assert.match(found[0].message, /Native sidecar "log-shipper" ships logs from volume "app-logs", which container "web" writes/);
    assert.deepEqual(found[0].data?.writers, ['web']);
    assert.deepEqual(found[0].data?.mountItemPath, ['spec', 'template', 'spec', 'initContainers', 0, 'volumeMounts', 0]);
    assert.deepEqual(found[1].data?.readOnlyPath, ['spec', 'template', 'spec', 'containers', 1, 'volumeMounts', 0, 'readOnly']);
  });

  it('is silent on read-only shipper mounts, its own state volume and a node agent reading host logs', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });
});
