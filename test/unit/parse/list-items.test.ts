import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture, toCrlf } from '../helpers';
import { brief, underlines } from '../rules/rule-kit';

describe('kind: List', () => {
  it('validates every item as a document, with ranges in the list (block and flow items)', () => {
    const text = readFixture('parse', 'list', 'list.yaml');
    const codes = ['invalid-restart-policy', 'invalid-enum', 'unknown-kind', 'yaml-syntax'];
    assert.deepEqual(brief(underlines(text, codes)), [
      { code: 'invalid-enum', severity: 'error', text: 'Sometimes', line: 22 },
      { code: 'invalid-restart-policy', severity: 'error', text: 'OnFailure', line: 18 },
      { code: 'unknown-kind', severity: 'error', text: 'Deploymnet', line: 30 },
    ]);
    // The same with CRLF line breaks.
    assert.deepEqual(brief(underlines(toCrlf(text), codes)).map((f) => [f.text, f.line]), [['Sometimes', 22], ['OnFailure', 18], ['Deploymnet', 30]]);
  });

  it('reports a syntax error once, for the list', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a\n';
    assert.equal(underlines(text, 'yaml-syntax').length > 0, true);
    assert.equal(new Set(underlines(text, 'yaml-syntax').map((f) => `${f.line}:${f.text}`)).size, underlines(text, 'yaml-syntax').length);
  });
});
