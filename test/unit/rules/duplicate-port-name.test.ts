import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureFindings } from './api-kit';
import { ruleFixture, underlines } from './rule-kit';

const id = 'duplicate-port-name';

describe(id, () => {
  it('underlines the second port of a container with the same name; names may repeat across containers', () => {
    assert.deepEqual(fixtureFindings(id), [{ code: id, severity: 'error', text: 'http', line: 13 }]);
    assert.match(underlines(ruleFixture(id, 'bad'), id)[0].message, /^spec\.containers\[0\]\.ports\[1\]\.name: Duplicate value: "http"/);
  });
});
