import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { YamlEditor, type TextChange } from '../../../server/src/core/edit/yaml-edit';
import { TextLines, shiftLines } from '../../../server/src/core/edit/text-lines';
import { asMap, asSeq, getPair, type MapNode, type SeqNode } from '../../../server/src/core/parse/nodes';
import { detectIndentation } from '../../../server/src/core/text/indentation';

function setup(text: string) {
  const document = parseDocument(text);
  const root = asMap(document.contents) as MapNode;
  const editor = new YamlEditor(text, detectIndentation(text));
  const seq = (key: string) => asSeq(getPair(root, key)?.value) as SeqNode;
  return { root, editor, seq };
}

function apply(text: string, ...changes: (TextChange | undefined)[]): string {
  let result = text;
  for (const change of [...changes].sort((a, b) => (b?.start ?? 0) - (a?.start ?? 0))) {
    assert.ok(change, 'the edit could not be computed');
    result = result.slice(0, change.start) + change.newText + result.slice(change.end);
  }
  return result;
}

const LIST = `items:
  # about a
  - name: a
    value: 1
    # still about a
  # about b
  - name: b
    value: 2
other: 3
`;

describe('YamlEditor', () => {
  it('gives each list item the comments above it at its dash column and the deeper ones below it', () => {
    const { editor, seq } = setup(LIST);
    const block = (index: number) => {
      const b = editor.seqItemBlock(seq('items'), index);
      assert.ok(b);
      return LIST.slice(b.start, b.end);
    };
    assert.equal(block(0), '  # about a\n  - name: a\n    value: 1\n    # still about a\n');
    assert.equal(block(1), '  # about b\n  - name: b\n    value: 2\n');
  });

  it('removes an item with its comments, and the last line of a text without a final line break', () => {
    const { editor, seq } = setup(LIST);
    assert.equal(apply(LIST, editor.removeSeqItem(seq('items'), 0)), 'items:\n  # about b\n  - name: b\n    value: 2\nother: 3\n');
    const tail = 'items:\n  - a\n  - b';
    const t = setup(tail);
    assert.equal(apply(tail, t.editor.removeSeqItem(t.seq('items'), 1)), 'items:\n  - a');
  });

  it('removes the only item together with its key when the owner is given', () => {
    const text = 'a: 1\nitems:\n  - x # gone\nb: 2\n';
    const { root, editor, seq } = setup(text);
    const pair = getPair(root, 'items');
    assert.ok(pair);
    assert.equal(apply(text, editor.removeSeqItem(seq('items'), 0, { map: root, pair })), 'a: 1\nb: 2\n');
  });

  it('removes the first key of an item by moving the next key up to the dash', () => {
    const text = 'items:\n  - restartPolicy: Always\n    name: a\n';
    const { editor, seq } = setup(text);
    const item = asMap(seq('items').items[0]) as MapNode;
    const pair = getPair(item, 'restartPolicy');
    assert.ok(pair);
    assert.equal(apply(text, editor.removePair(item, pair)), 'items:\n  - name: a\n');
  });

  it('inserts after a pair, past the deeper comments that belong to it, at the map column', () => {
    const text = 'spec:\n    image: x # pinned\n    # about image\n    args: []\n';
    const { root, editor } = setup(text);
    const spec = asMap(getPair(root, 'spec')?.value) as MapNode;
    assert.equal(apply(text, editor.insertIntoMap(spec, ['restartPolicy: Always'], getPair(spec, 'image'))), 'spec:\n    image: x # pinned\n    restartPolicy: Always\n    # about image\n    args: []\n');
  });

  it('turns an empty or flow value into a block, keeping the comment on the key line', () => {
    const text = 'spec:\n  volumes: [] # none\n  other: 1\n';
    const { root, editor } = setup(text);
    const spec = asMap(getPair(root, 'spec')?.value) as MapNode;
    const volumes = getPair(spec, 'volumes');
    assert.ok(volumes);
    assert.equal(apply(text, editor.setBlockValue(volumes, editor.itemLines(['name: v'], 0), true)), 'spec:\n  volumes: # none\n    - name: v\n  other: 1\n');
  });

  it('writes new fragments with the file unit and sequence style, CRLF where the file has it', () => {
    const text = 'a:\r\n    b:\r\n    - c: 1\r\n';
    const { editor } = setup(text);
    assert.equal(editor.eol, '\r\n');
    assert.deepEqual(editor.fragment({ x: { y: [1] } }), ['x:', '    y:', '    - 1']);
    assert.equal(new TextLines('a\r\nb').lineEnd(0), 1);
    assert.deepEqual(shiftLines(['  - a', '', '    b'], -2), ['- a', '', '  b']);
  });

  it('leaves flow collections alone', () => {
    const text = 'items: [a, b]\nmap: {a: 1}\n';
    const { root, editor, seq } = setup(text);
    assert.equal(editor.appendToSeq(seq('items'), ['c']), undefined);
    assert.equal(editor.insertIntoMap(asMap(getPair(root, 'map')?.value) as MapNode, ['b: 2']), undefined);
  });
});
