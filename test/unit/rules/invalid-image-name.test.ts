import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixed, fixtureFindings } from './api-kit';
import { ruleFixture, underlines } from './rule-kit';

const id = 'invalid-image-name';

describe(id, () => {
  it('rejects surrounding whitespace (error) and warns about an upper-case repository (InvalidImageName)', () => {
    assert.deepEqual(fixtureFindings(id), [
      { code: id, severity: 'error', text: '"nginx:1.27 "', line: 9 },
      { code: id, severity: 'warning', text: 'registry.example.com/Team/Agent:2.0', line: 11 },
    ]);
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.equal(found[0].message, 'spec.containers[0].image: Invalid value: "nginx:1.27 ": must not have leading or trailing whitespace.');
    assert.match(found[1].message, /InvalidImageName/);
  });

  it('says a template is accepted but its pods are not', () => {
    const text = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: a\n          image: " busybox:1.36"\n';
    assert.match(underlines(text, id)[0].message, /The Job is accepted, but every pod its controller creates from this template is rejected/);
  });

  it('fixes both by rewriting the image', () => {
    const text = ruleFixture(id, 'bad');
    assert.match(fixed(text, id, /Change to "nginx:1.27"/), /image: "nginx:1\.27"$/m);
    assert.match(fixed(text, id, /Change to/, 1), /image: registry\.example\.com\/team\/agent:2\.0$/m);
  });
});
