import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureFindings } from './api-kit';
import { ruleFixture, underlines } from './rule-kit';

const id = 'invalid-label';

describe(id, () => {
  it('underlines label values, annotation keys and template labels the API server rejects', () => {
    assert.deepEqual(fixtureFindings(id), [
      { code: id, severity: 'error', text: 'platform/core', line: 8 },
      { code: id, severity: 'error', text: 'v1.2.3-', line: 9 },
      { code: id, severity: 'error', text: '"my annotation"', line: 12 },
      { code: id, severity: 'error', text: '"front end"', line: 21 },
    ]);
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.match(found[0].message, /^metadata\.labels: Invalid value: "platform\/core": a valid label must be an empty string or consist of/);
    assert.match(found[2].message, /^metadata\.annotations: Invalid value: "my annotation": name part must consist of/);
    assert.match(found[3].message, /^spec\.template\.metadata\.labels: Invalid value: "front end"/);
  });

  it('checks keys: prefix, name part and length', () => {
    const text = (key: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    ${key}: x\n`;
    assert.match(underlines(text('Example.com/name'), id)[0].message, /prefix part a lowercase RFC 1123 subdomain/);
    assert.match(underlines(text('/name'), id)[0].message, /prefix part must be non-empty/);
    assert.match(underlines(text('a/b/c'), id)[0].message, /with an optional DNS subdomain prefix and '\/'/);
    assert.match(underlines(text('x'.repeat(64)), id)[0].message, /name part must be no more than 63 characters/);
    assert.deepEqual(underlines(text('example.com/My_Name.1'), id), []);
  });

  it('checks the labels of a ReplicationController\'s plain selector and of custom resources\' metadata', () => {
    const rc = 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n  selector:\n    app: "-web"\n  template:\n    metadata:\n      labels:\n        app: "-web"\n    spec:\n      containers: [{name: a, image: b}]\n';
    assert.deepEqual(underlines(rc, id).map((f) => [f.line, f.text]), [[11, '"-web"'], [7, '"-web"']]);
    assert.equal(underlines('apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  labels:\n    a: "b c"\n', id).length, 1);
  });
});
