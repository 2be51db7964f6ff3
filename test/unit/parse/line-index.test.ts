import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextLines } from '../../../server/src/core/edit/text-lines';
import { DocumentLines } from '../../../server/src/core/features/completion/lines';
import { applySuppressions } from '../../../server/src/core/features/suppressions';
import type { Finding } from '../../../server/src/core/findings';
import { ParsedDocument } from '../../../server/src/core/parse/document';
import { detectEol, LINE_BREAK, LineIndex } from '../../../server/src/core/parse/line-index';

/** LF, CRLF and a lone CR, each ending one line, as LSP defines line breaks. */
const MIXED = 'ab\ncd\r\nef\rgh';
const LINES = ['ab', 'cd', 'ef', 'gh'];
const STARTS = [0, 3, 7, 10];

describe('one line index (LF, CRLF and a lone CR)', () => {
  it('LineIndex counts every LSP line break and keeps breaks out of the line text', () => {
    const index = new LineIndex(MIXED);
    assert.equal(index.lineCount, 4);
    assert.deepEqual(LINES.map((_, line) => index.lineText(line)), LINES);
    assert.deepEqual(LINES.map((_, line) => index.lineStart(line)), STARTS);
    assert.deepEqual([2, 5, 6, 9].map((offset) => index.lineAt(offset)), [0, 1, 1, 2], 'a break belongs to the line it ends');
    assert.deepEqual(index.positionAt(11), { line: 3, character: 1 });
    assert.equal(index.offsetAt({ line: 2, character: 1 }), 8);
    assert.deepEqual(MIXED.split(LINE_BREAK), LINES);
  });

  it('the edit helpers read the same lines', () => {
    const lines = new TextLines(MIXED);
    assert.deepEqual(STARTS.map((start) => lines.lineText(start + 1)), LINES);
    assert.equal(lines.lineStart(8), 7, 'a lone CR ends the line before it');
    assert.equal(lines.lineEnd(7), 9);
    assert.equal(lines.nextLineStart(7), 10);
    assert.equal(lines.previousLineStart(10), 7);
  });

  it('completion reads the same lines', () => {
    const doc = new DocumentLines(MIXED);
    assert.deepEqual(doc.lines, LINES);
    assert.deepEqual(doc.starts, STARTS);
    assert.equal(doc.lineOf(11), 3);
  });

  it('a suppression comment on a line ended by a lone CR silences the next line, not its own', () => {
    const text = 'apiVersion: v1\rkind: Pod\r# sidecar-lint-disable-next-line image-tag\rimage: x\rname: y\r';
    const document = new ParsedDocument(text);
    const at = (needle: string): Finding => ({ code: 'image-tag', severity: 'warning', message: '', start: text.indexOf(needle), end: text.indexOf(needle) + 1 });
    assert.deepEqual(
      applySuppressions(document, [at('image: x'), at('name: y')]).map((f) => text.slice(f.start, f.start + 4)),
      ['name'],
    );
  });

  it('new lines use the file\'s own first line break', () => {
    assert.equal(detectEol('a\r\nb\nc'), '\r\n');
    assert.equal(detectEol('a\nb\r\nc'), '\n');
    assert.equal(detectEol('a\rb'), '\r');
    assert.equal(detectEol('a'), '\n');
    assert.equal(new TextLines('a\rb').eol, '\r');
  });
});
