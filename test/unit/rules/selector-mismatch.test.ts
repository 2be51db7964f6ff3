import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureFindings } from './api-kit';
import { ruleFixture, underlines } from './rule-kit';

const id = 'selector-mismatch';

describe(id, () => {
  it('underlines template labels the selector does not select, and an empty selector', () => {
    assert.deepEqual(fixtureFindings(id), [
      { code: id, severity: 'error', text: 'labels', line: 13 },
      { code: id, severity: 'error', text: 'selector', line: 26 },
    ]);
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.match(found[0].message, /^spec\.template\.metadata\.labels: Invalid value: map\[string\]string\{"app":"webapp", "tier":"frontend"\}: `selector` does not match template `labels`: the template lacks app: web\.$/);
    assert.match(found[1].message, /empty selector is invalid for daemonset/);
    assert.deepEqual(found[0].data?.missingLabels, { app: 'web' });
  });

  it('reads matchExpressions (NotIn, Exists)', () => {
    const text = ruleFixture(id, 'good').replace('operator: DoesNotExist', 'operator: Exists');
    assert.equal(underlines(text, id).length, 1);
  });
});
