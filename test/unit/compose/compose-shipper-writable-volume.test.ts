import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from '../rules/rule-kit';

const id = 'compose-shipper-writable-volume';

describe(id, () => {
  it('underlines the writable mount a log shipper shares with the app', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: 'logs:/var/log/app', line: 9 }]);
    assert.match(found[0].message, /Service "shipper" \(image fluent\/fluent-bit\) mounts "logs", which it shares with "app", writable/);
  });

  it('accepts :ro and the shipper\'s own state volume', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('leaves services that are not log shippers alone', () => {
    const text = 'services:\n  app:\n    image: a:1\n    volumes: [logs:/l]\n  worker:\n    image: example/worker:1\n    volumes: [logs:/l]\nvolumes:\n  logs:\n';
    assert.deepEqual(underlines(text, id), []);
  });
});
