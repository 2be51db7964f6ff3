import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from '../rules/rule-kit';

const id = 'compose-version-obsolete';

describe(id, () => {
  it('marks the whole version line as an unnecessary hint, not an error', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'hint', text: 'version: "3.8"', line: 1 }]);
  });

  it('is silent without version', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });
});
