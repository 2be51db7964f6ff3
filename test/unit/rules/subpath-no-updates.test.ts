import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'subpath-no-updates';

describe(id, () => {
  it('underlines the subPath key of secret and configMap mounts', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'hint', text: 'subPath', line: 21 },
      { code: id, severity: 'hint', text: 'subPath', line: 28 },
    ]);
    assert.match(found[0].message, /^Native sidecar "proxy" mounts secret volume "tls" with subPath/);
    assert.equal(found[1].data?.source, 'configMap');
    assert.deepEqual(found[1].data?.subPathPath, ['spec', 'template', 'spec', 'containers', 0, 'volumeMounts', 0, 'subPath']);
  });

  it('is silent on whole-volume mounts and on subPath into an emptyDir', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });
});
