import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureFindings } from './api-kit';
import { ruleFixture, underlines } from './rule-kit';

const id = 'ephemeral-containers-on-create';

describe(id, () => {
  it('forbids ephemeralContainers in a Pod manifest and in a pod template', () => {
    assert.deepEqual(fixtureFindings(id), [{ code: id, severity: 'error', text: 'ephemeralContainers', line: 10 }]);
    assert.match(underlines(ruleFixture(id, 'bad'), id)[0].message, /^spec\.ephemeralContainers: Forbidden: cannot be set on create/);
    const template = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: a, image: b}]\n      ephemeralContainers: [{name: dbg, image: busybox}]\n';
    assert.match(underlines(template, id)[0].message, /^spec\.template\.spec\.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template/);
  });
});
