import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSuppressions } from '../../../server/src/core/features/suppressions';
import { toCrlf } from '../helpers';
import { brief, underlines } from '../rules/rule-kit';

const ids = ['duplicate-container-name', 'port-conflict', 'probe-port-not-exposed'];

/** A pod with one finding of each id above (lines 9, 16 and 19 without comments). */
function pod(comments: { beforeName?: string; afterName?: string; beforePort?: string; top?: string } = {}): string {
  return [
    ...(comments.top ? [comments.top] : []),
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  containers:',
    '    - name: web',
    '      image: example/web:1.0',
    ...(comments.beforeName ? [comments.beforeName] : []),
    `    - name: web${comments.afterName ?? ''}`,
    '      image: example/web:1.0',
    '      ports:',
    ...(comments.beforePort ? [comments.beforePort] : []),
    '        - containerPort: 80',
    '    - name: other',
    '      image: example/other:1.0',
    '      ports:',
    '        - containerPort: 80',
    '      readinessProbe:',
    '        tcpSocket:',
    '          port: http',
    '',
  ].join('\n');
}

/** Codes in line order (the validator reports rule by rule). */
const codes = (text: string) => underlines(text, ids).sort((a, b) => a.line - b.line).map((f) => f.code);

describe('suppression comments', () => {
  it('the unsuppressed pod has one finding of each rule', () => {
    assert.deepEqual(brief(underlines(pod(), ids).sort((a, b) => a.line - b.line)), [
      { code: 'duplicate-container-name', severity: 'error', text: 'web', line: 9 },
      { code: 'port-conflict', severity: 'error', text: '80', line: 16 },
      { code: 'probe-port-not-exposed', severity: 'warning', text: 'http', line: 19 },
    ]);
  });

  it('disable-next-line silences the listed rule on the next line only', () => {
    assert.deepEqual(codes(pod({ beforeName: '    # sidecar-lint-disable-next-line duplicate-container-name' })), ['port-conflict', 'probe-port-not-exposed']);
    // Listed id does not match: nothing silenced.
    assert.deepEqual(codes(pod({ beforeName: '    # sidecar-lint-disable-next-line port-conflict' })), ids);
  });

  it('disable-next-line with no id silences everything on that line', () => {
    assert.deepEqual(codes(pod({ beforeName: '    # sidecar-lint-disable-next-line' })), ['port-conflict', 'probe-port-not-exposed']);
  });

  it('takes several ids separated by commas or spaces, and a -- reason', () => {
    const parsed = parseSuppressions('# sidecar-lint-disable-next-line a, b c -- because of x, y\n');
    assert.deepEqual([...(parsed?.lines.get(1) ?? [])], ['a', 'b', 'c']);
    assert.deepEqual([...(parseSuppressions('# sidecar-lint-disable -- legacy file\n')?.document ?? [])], ['*']);
  });

  it('a trailing disable-next-line does not silence its own line; disable-line does', () => {
    assert.deepEqual(codes(pod({ afterName: ' # sidecar-lint-disable-next-line duplicate-container-name' })), ids);
    assert.deepEqual(codes(pod({ afterName: ' # sidecar-lint-disable-line duplicate-container-name' })), ['port-conflict', 'probe-port-not-exposed']);
  });

  it('disable silences the listed rules in the whole document, wherever the comment is', () => {
    assert.deepEqual(codes(pod({ top: '# sidecar-lint-disable port-conflict, probe-port-not-exposed' })), ['duplicate-container-name']);
    assert.deepEqual(codes(pod({ beforePort: '          # sidecar-lint-disable' })), []);
  });

  it('stays inside its own --- document', () => {
    const text = `${pod({ top: '# sidecar-lint-disable' })}---\n${pod()}`;
    assert.deepEqual(codes(text), ids);
  });

  it('works with CRLF line breaks', () => {
    assert.deepEqual(codes(toCrlf(pod({ beforeName: '    # sidecar-lint-disable-next-line duplicate-container-name' }))), ['port-conflict', 'probe-port-not-exposed']);
  });

  it('ignores look-alikes that are not directives or not comments', () => {
    assert.equal(parseSuppressions('# sidecar-lint-disabled foo\n')?.document, undefined);
    assert.equal(parseSuppressions('# sidecar-lint-disable-lines foo\n')?.lines.size, 0);
    assert.deepEqual(parseSuppressions('image: app#sidecar-lint-disable\n'), { document: undefined, lines: new Map() });
    assert.deepEqual(codes(pod({ beforeName: '    # sidecar-lint-disabled-next-line duplicate-container-name' })), ids);
  });

  it('does not silence findings of another rule that start on the same line', () => {
    const text = pod({ beforePort: '        # sidecar-lint-disable-next-line duplicate-container-name' });
    assert.deepEqual(codes(text), ids);
  });
});
