import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixed, fixtureFindings } from './api-kit';
import { ruleFixture, underlines } from './rule-kit';

const id = 'invalid-restart-policy';

describe(id, () => {
  it('reports what each controller rejects: a Job without restartPolicy, a Deployment with OnFailure, podFailurePolicy without Never', () => {
    assert.deepEqual(fixtureFindings(id), [
      { code: id, severity: 'error', text: 'spec', line: 9 },
      { code: id, severity: 'error', text: 'OnFailure', line: 27 },
      { code: id, severity: 'error', text: 'OnFailure', line: 45 },
    ]);
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.match(found[0].message, /^spec\.template\.spec\.restartPolicy: Required value: valid values: "OnFailure", "Never"/);
    assert.match(found[1].message, /^spec\.template\.spec\.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"/);
    assert.match(found[2].message, /only "Never" is supported when podFailurePolicy is specified/);
  });

  it('finds the CronJob template and an explicit Always in a Job', () => {
    const cron = 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Always\n          containers: [{name: a, image: b}]\n';
    const [finding] = underlines(cron, id);
    assert.equal(finding.text, 'Always');
    assert.match(finding.message, /^spec\.jobTemplate\.spec\.template\.spec\.restartPolicy: Required value/);
  });

  it('adds the missing restartPolicy, or sets the accepted one', () => {
    const text = ruleFixture(id, 'bad');
    assert.match(fixed(text, id, /Add restartPolicy: Never/), /template:\n {4}spec:\n {6}containers:[\s\S]*?\n {6}restartPolicy: Never\n/);
    assert.match(fixed(text, id, /Set restartPolicy: Always/, 1), /^ {6}restartPolicy: Always$/m);
  });
});
