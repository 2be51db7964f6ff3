import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'target-port-not-declared';

describe(id, () => {
  it('warns at a port name and a number that no selected container declares, listing whose ports there are', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'warning', text: 'proxi', line: 38 },
      { code: id, severity: 'warning', text: '9090', line: 40 },
    ]);
    assert.equal(
      found[0].message,
      'targetPort "proxi" is the name of no container port of the pods this Service selects (Deployment "web"), so the Service has no endpoint for it. They declare 15001 "proxy" ("envoy") and 8080 "http" ("web"). Did you mean "proxy"?',
    );
    assert.match(found[1].message, /^Port 9090 \(the targetPort when none is written\) is declared by no container/);
  });

  it('is silent for declared names and numbers, and for numbers when the pods declare no ports', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: web}}\nspec:\n  containers: [{name: c, image: i}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n';
    assert.deepEqual(underlines(text, id), []);
    assert.deepEqual(brief(underlines(text.replace('targetPort: 8080', 'targetPort: http'), id)), [{ code: id, severity: 'warning', text: 'http', line: 12 }]);
  });
});
