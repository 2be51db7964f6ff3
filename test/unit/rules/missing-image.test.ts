import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureFindings } from './api-kit';
import { ruleFixture, underlines } from './rule-kit';

const id = 'missing-image';

describe(id, () => {
  it('underlines an empty image, and the name of a container with none', () => {
    assert.deepEqual(fixtureFindings(id), [
      { code: id, severity: 'error', text: '""', line: 17 },
      { code: id, severity: 'error', text: 'shipper', line: 18 },
    ]);
    assert.match(underlines(ruleFixture(id, 'bad'), id)[0].message, /^spec\.template\.spec\.containers\[0\]\.image: Required value/);
  });
});
