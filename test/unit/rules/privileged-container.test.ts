import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'privileged-container';

describe(id, () => {
  it('underlines privileged: true in init and app containers', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'warning', text: 'privileged: true', line: 18 },
      { code: id, severity: 'warning', text: 'privileged: true', line: 23 },
    ]);
    assert.match(found[0].message, /^Init container "setup" runs privileged/);
    assert.deepEqual(found[1].data?.privilegedPath, ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged']);
  });

  it('is silent on privileged: false and on added capabilities', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });
});
