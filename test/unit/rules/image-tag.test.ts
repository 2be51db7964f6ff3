import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageReference } from '../../../server/src/core/model/images';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'image-tag';

describe(id, () => {
  it('underlines images with no tag or the latest tag, a registry port not being a tag', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'warning', text: 'envoyproxy/envoy:latest', line: 8 },
      { code: id, severity: 'warning', text: 'nginx', line: 12 },
      { code: id, severity: 'warning', text: 'localhost:5000/team/app', line: 14 },
      { code: id, severity: 'warning', text: '"registry.example.com:443/web:latest"', line: 16 },
    ]);
    assert.match(found[0].message, /uses the "latest" tag/);
    assert.match(found[1].message, /has no tag/);
    assert.equal(found[2].data?.repository, 'localhost:5000/team/app');
    assert.equal(found[2].data?.tag, undefined);
  });

  it('accepts version tags, digests and placeholders', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('splits references as runtimes do', () => {
    assert.deepEqual(parseImageReference('localhost:5000/app'), { repository: 'localhost:5000/app', digest: undefined });
    assert.deepEqual(parseImageReference('localhost:5000/app:1.2'), { repository: 'localhost:5000/app', tag: '1.2', digest: undefined });
    assert.deepEqual(parseImageReference('busybox@sha256:abc'), { repository: 'busybox', digest: 'sha256:abc' });
  });
});
