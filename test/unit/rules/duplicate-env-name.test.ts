import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureFindings } from './api-kit';
import { ruleFixture, underlines } from './rule-kit';

const id = 'duplicate-env-name';

describe(id, () => {
  it('warns at the later definition, in the API server\'s words', () => {
    assert.deepEqual(fixtureFindings(id), [{ code: id, severity: 'warning', text: 'LOG_LEVEL', line: 15 }]);
    assert.match(underlines(ruleFixture(id, 'bad'), id)[0].message, /^spec\.containers\[0\]\.env\[2\]: hides previous definition of "LOG_LEVEL", which may be dropped when using apply/);
  });
});
