import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCpu, parseMemory, quantityError, suggestQuantity } from '../../../server/src/core/model/quantity';
import { fixed, fixtureFindings } from './api-kit';
import { ruleFixture, underlines } from './rule-kit';

const id = 'invalid-quantity';

describe(id, () => {
  it('underlines quantities Kubernetes cannot read, and a negative one, in the API server\'s words', () => {
    assert.deepEqual(fixtureFindings(id), [
      { code: id, severity: 'error', text: '1.5 cores', line: 20 },
      { code: id, severity: 'error', text: '100MB', line: 21 },
      { code: id, severity: 'error', text: '1e3Mi', line: 23 },
      { code: id, severity: 'error', text: '1GB', line: 24 },
      { code: id, severity: 'error', text: '"-1Gi"', line: 28 },
    ]);
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.equal(
      found[1].message,
      "spec.template.spec.containers[0].resources.requests[memory]: \"100MB\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': the API server cannot decode the object. Did you mean 100M?",
    );
    assert.match(found[2].message, /Units are n, u, m, k, M, G, T, P, E/);
    assert.equal(found[4].message, 'spec.template.spec.volumes[0].emptyDir.sizeLimit: Invalid value: "-1Gi": must be greater than or equal to 0');
  });

  it('reads quantities as apimachinery does: 1 == 1000m, 512Mi == 0.5Gi, 1e3 is a number, 1e3Mi is not', () => {
    assert.equal(parseCpu('1'), parseCpu('1000m'));
    assert.equal(parseMemory('512Mi'), parseMemory('0.5Gi'));
    assert.equal(quantityError('1e3'), undefined);
    assert.ok(quantityError('1e3Mi'));
    assert.ok(quantityError('1K'));
    assert.equal(suggestQuantity('1.5 cores'), '1.5');
    assert.equal(suggestQuantity('2K'), '2k');
    assert.equal(suggestQuantity('1e3Mi'), undefined);
    // request-above-limit sees equal amounts as equal.
    assert.deepEqual(underlines(ruleFixture(id, 'good'), 'request-above-limit'), []);
  });

  it('rewrites the unit', () => {
    assert.match(fixed(ruleFixture(id, 'bad'), id, /Change to "100M"/, 1), /^ {14}memory: 100M$/m);
  });
});
