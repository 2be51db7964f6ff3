import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectEol } from '../../../server/src/core/parse/line-index';
import { detectIndentation, reindentBlock } from '../../../server/src/core/text/indentation';
import { toCrlf } from '../helpers';

const TWO_INDENTED = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports:
        - containerPort: 80
`;

const FOUR_FLUSH = `apiVersion: v1
kind: Pod
metadata:
    name: web
spec:
    containers:
    - name: app
      image: nginx:1.27
      volumeMounts:
      - name: logs
        mountPath: /var/log
`;

test('detects 2-space units with indented sequences', () => {
  assert.deepEqual(detectIndentation(TWO_INDENTED), { unit: 2, indentedSequences: true });
});

test('detects 4-space units with flush sequences', () => {
  assert.deepEqual(detectIndentation(FOUR_FLUSH), { unit: 4, indentedSequences: false });
});

test('detects the style of CRLF text the same way', () => {
  assert.deepEqual(detectIndentation(toCrlf(FOUR_FLUSH)), { unit: 4, indentedSequences: false });
  assert.equal(detectEol(toCrlf(FOUR_FLUSH)), '\r\n');
  assert.equal(detectEol(FOUR_FLUSH), '\n');
});

test('falls back to 2 spaces and indented sequences without nesting', () => {
  assert.deepEqual(detectIndentation('a: 1\nb: 2\n'), { unit: 2, indentedSequences: true });
  assert.deepEqual(detectIndentation(''), { unit: 2, indentedSequences: true });
});

const BLOCK = `volumeMounts:
  - name: logs
    mountPath: /var/log
    readOnly: true
  - name: config
    mountPath: /etc/app
resources:
  limits:
    cpu: 100m`;

test('keeps a 2-space indented block as written', () => {
  assert.equal(reindentBlock(BLOCK, { unit: 2, indentedSequences: true }), BLOCK);
});

test('re-indents a block to 4 spaces with flush sequences, keeping item content after the dash', () => {
  assert.equal(
    reindentBlock(BLOCK, { unit: 4, indentedSequences: false }, 6, '\r\n'),
    [
      'volumeMounts:',
      '      - name: logs',
      '        mountPath: /var/log',
      '        readOnly: true',
      '      - name: config',
      '        mountPath: /etc/app',
      '      resources:',
      '          limits:',
      '              cpu: 100m',
    ].join('\r\n'),
  );
});

test('re-indents nested lists inside list items', () => {
  const block = `- name: app\n  ports:\n    - name: http\n      containerPort: 80`;
  assert.equal(reindentBlock(block, { unit: 4, indentedSequences: true }), `- name: app\n  ports:\n      - name: http\n        containerPort: 80`);
});

test('a text without nesting takes the fallback, computed only when needed', () => {
  let calls = 0;
  const fallback = () => {
    calls++;
    return { unit: 4, indentedSequences: false };
  };
  assert.deepEqual(detectIndentation('kind: Pod\n', fallback), { unit: 4, indentedSequences: false });
  assert.equal(calls, 1);
  assert.deepEqual(detectIndentation(TWO_INDENTED, fallback), { unit: 2, indentedSequences: true });
  assert.equal(calls, 1);
});
