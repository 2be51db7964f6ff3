import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from '../rules/rule-kit';

const id = 'compose-healthy-without-healthcheck';

describe(id, () => {
  it('underlines service_healthy when the dependency has no healthcheck', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: 'service_healthy', line: 6 }]);
    assert.equal(found[0].data?.dependency, 'db');
  });

  it('accepts a dependency with a healthcheck and other conditions', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('counts a disabled healthcheck as none', () => {
    const text = 'services:\n  app:\n    image: a:1\n    depends_on:\n      db: {condition: service_healthy}\n  db:\n    image: b:1\n    healthcheck:\n      disable: true\n';
    const found = underlines(text, id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: 'service_healthy', line: 5 }]);
    assert.match(found[0].message, /\(it is disabled\)/);
  });
});
