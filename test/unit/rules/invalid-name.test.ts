import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixed, fixtureFindings } from './api-kit';
import { ruleFixture, underlines } from './rule-kit';

const id = 'invalid-name';

describe(id, () => {
  it('underlines object, container and port names the API server rejects, with its words', () => {
    assert.deepEqual(fixtureFindings(id), [
      { code: id, severity: 'error', text: 'My_App', line: 5 },
      { code: id, severity: 'error', text: 'Web.Server', line: 16 },
      { code: id, severity: 'error', text: 'http-metrics-port', line: 19 },
      { code: id, severity: 'error', text: '"8080"', line: 21 },
      { code: id, severity: 'error', text: '1-web', line: 27 },
      { code: id, severity: 'error', text: 'nightly-report-for-the-finance-department-in-europe-west', line: 37 },
      { code: id, severity: 'error', text: 'metadata', line: 51 },
    ]);
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.match(found[0].message, /^metadata\.name: Invalid value: "My_App": a lowercase RFC 1123 subdomain must consist of/);
    assert.match(found[1].message, /containers\[0\]\.name: Invalid value: "Web\.Server": a lowercase RFC 1123 label/);
    assert.match(found[2].message, /must be no more than 15 characters$/);
    assert.match(found[3].message, /must contain at least one letter \(a-z\)$/);
    assert.match(found[4].message, /a DNS-1035 label must consist of/);
    assert.match(found[5].message, /must be no more than 52 characters$/);
    assert.equal(found[6].message, 'metadata.name: Required value: name or generateName is required');
  });

  it('accepts a generateName with its trailing dash and leaves custom resources alone', () => {
    assert.deepEqual(underlines('apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: Web-\nspec:\n  containers: [{name: a, image: b}]\n', id).map((f) => f.text), ['Web-']);
    assert.deepEqual(underlines('apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: web-\nspec:\n  containers: [{name: a, image: b}]\n', id), []);
  });

  it('renames to a valid name', () => {
    const text = ruleFixture(id, 'bad');
    assert.match(fixed(text, id, /Change to "my-app"/), /^ {2}name: my-app$/m);
    assert.match(fixed(text, id, /Change to "web-server"/, 1), /- name: web-server$/m);
  });
});
