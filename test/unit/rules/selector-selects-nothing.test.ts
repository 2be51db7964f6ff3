import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'selector-selects-nothing';

describe(id, () => {
  it('warns at a Service and a PDB selector that no pod template of the namespace matches, naming the closest', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'warning', text: 'selector', line: 27 },
      { code: id, severity: 'warning', text: 'selector', line: 40 },
    ]);
    assert.equal(
      found[0].message,
      'spec.selector of Service "web" selects no pod of the workload the workspace defines in namespace "default": none has the labels app: webapp and tier: frontend. The closest is Deployment "web", whose pods have app: web and tier: frontend.',
    );
  });

  it('is silent for matching selectors and where no workload is defined', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('reads matchExpressions of a NetworkPolicy, and an empty podSelector selects every pod', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: web}}\nspec:\n  containers: [{name: c, image: i}]\n';
    const policy = (selector: string) => `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: ${selector}\n`;
    assert.deepEqual(underlines(pod + policy('{}'), id), []);
    assert.deepEqual(underlines(pod + policy('{matchExpressions: [{key: app, operator: In, values: [web, api]}]}'), id), []);
    assert.deepEqual(brief(underlines(pod + policy('{matchExpressions: [{key: app, operator: NotIn, values: [web]}]}'), id)), [{ code: id, severity: 'warning', text: 'podSelector', line: 11 }]);
  });
});
