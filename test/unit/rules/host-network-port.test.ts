import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixed, fixtureFindings } from './api-kit';
import { ruleFixture, underlines } from './rule-kit';

const id = 'host-network-port';

describe(id, () => {
  it('underlines a hostPort that differs from its containerPort on the host network', () => {
    assert.deepEqual(fixtureFindings(id), [{ code: id, severity: 'error', text: '19100', line: 22 }]);
    assert.match(underlines(ruleFixture(id, 'bad'), id)[0].message, /hostPort: Invalid value: 19100: must match `containerPort` when `hostNetwork` is true/);
  });

  it('sets the hostPort to the containerPort', () => {
    assert.match(fixed(ruleFixture(id, 'bad'), id, /Change to 9100/), /^ {14}hostPort: 9100$/m);
  });
});
