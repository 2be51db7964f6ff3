import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'privilege-escalation';

describe(id, () => {
  it('underlines an explicit allowPrivilegeEscalation: true and added SYS_ADMIN or ALL capabilities', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'warning', text: 'allowPrivilegeEscalation: true', line: 10 },
      { code: id, severity: 'warning', text: 'CAP_SYS_ADMIN', line: 17 },
      { code: id, severity: 'warning', text: '"ALL"', line: 22 },
    ]);
    assert.equal(found[1].data?.capability, 'SYS_ADMIN');
    assert.equal(found[1].data?.capabilityIndex, 1);
    assert.match(found[2].message, /adds ALL capabilities/);
  });

  it('does not report an omitted field, and leaves privileged containers to privileged-container', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });
});
