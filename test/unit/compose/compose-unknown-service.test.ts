import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from '../rules/rule-kit';

const id = 'compose-unknown-service';

describe(id, () => {
  it('underlines the unknown name in depends_on, network_mode and volumes_from, with "did you mean"', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'error', text: 'databse', line: 5 },
      { code: id, severity: 'error', text: 'ap', line: 8 },
      { code: id, severity: 'error', text: 'worker', line: 13 },
    ]);
    assert.equal(found[0].message, 'Service "app" depends on undefined service "databse". Did you mean "database"?');
    assert.equal(found[1].data?.suggestion, 'app');
    assert.equal(found[2].data?.suggestion, undefined);
  });

  it('accepts defined services, optional dependencies and container: references', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('underlines a long-syntax depends_on key and leaves override files and includes alone', () => {
    const text = 'services:\n  app:\n    image: a:1\n    depends_on:\n      cache:\n        condition: service_started\n';
    assert.deepEqual(brief(underlines(text, id)), [{ code: id, severity: 'error', text: 'cache', line: 5 }]);
    assert.deepEqual(underlines(text, id, {}, 'compose.override.yaml'), []);
    assert.deepEqual(underlines(`include:\n  - base.yaml\n${text}`, id), []);
  });
});
