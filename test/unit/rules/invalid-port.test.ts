import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixed, fixtureFindings } from './api-kit';
import { ruleFixture, underlines } from './rule-kit';

const id = 'invalid-port';

describe(id, () => {
  it('underlines ports out of range and probe ports that are neither numbers nor port names', () => {
    assert.deepEqual(fixtureFindings(id), [
      { code: id, severity: 'error', text: '80800', line: 11 },
      { code: id, severity: 'error', text: '70000', line: 12 },
      // Probes in the order the API server validates them: liveness, then readiness.
      { code: id, severity: 'error', text: 'Http', line: 19 },
      { code: id, severity: 'error', text: '"8080"', line: 16 },
    ]);
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.equal(found[0].message, 'spec.containers[0].ports[0].containerPort: Invalid value: 80800: must be between 1 and 65535, inclusive');
    assert.match(found[3].message, /^spec\.containers\[0\]\.readinessProbe\.httpGet\.port: Invalid value: "8080": must contain at least one letter \(a-z\)\. A quoted number is a port name/);
  });

  it('unquotes a quoted port number', () => {
    assert.match(fixed(ruleFixture(id, 'bad'), id, /Change to 8080/, 3), /^ {10}port: 8080$/m);
  });
});
