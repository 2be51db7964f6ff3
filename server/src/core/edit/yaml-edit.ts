import { isMap, isScalar, isSeq, stringify, visit, type Scalar } from 'yaml';
import { flowEntries, flowValue, fragmentValue, type FlowStyle } from './flow-text';
import { keySpan, nodeSpan, type MapNode, type PairNode, type SeqNode } from '../parse/nodes';
import { reindentBlock, type IndentationStyle } from '../text/indentation';
import { indentLines, shiftLines, TextLines } from './text-lines';
import { LINE_BREAK } from '../parse/line-index';

/** A replacement of [start, end) by `newText`, in offsets of one document chunk. */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

/** Whole lines [start, end) of the text that belong to one node, `end` past the last line's break. */
export interface LineBlock {
  start: number;
  end: number;
  /** End of the last line's content (before its line break): where a following line is inserted. */
  lastLineEnd: number;
}

/**
 * The editing context of one document chunk: its text lines and indentation style. With the document's `root`
 * node, edits inside flow collections (`{…}`, `[…]`, JSON) are written in flow style; without it only block maps
 * and sequences are edited.
 */
export class YamlEditor {
  readonly lines: TextLines;
  private parents: WeakMap<object, MapNode | SeqNode> | undefined;

  constructor(
    readonly text: string,
    readonly style: IndentationStyle,
    private readonly root?: unknown,
  ) {
    this.lines = new TextLines(text);
  }

  /** JSON when the document is written as JSON (quoted keys), else YAML flow. */
  get flowStyle(): FlowStyle {
    return /^\s*(?:(?:#[^\n]*|---[^\n]*)?\s*)*\{\s*"/.test(this.text) ? 'json' : 'yaml';
  }

  /** The map or sequence that holds a pair or item, from the root given to the constructor. */
  parentOf(node: object): MapNode | SeqNode | undefined {
    if (!this.parents) {
      const parents = new WeakMap<object, MapNode | SeqNode>();
      if (isMap(this.root) || isSeq(this.root)) {
        const collect = (collection: MapNode | SeqNode) => {
          for (const item of collection.items) if (item && typeof item === 'object') parents.set(item, collection);
        };
        collect(this.root as MapNode | SeqNode);
        visit(this.root, { Map: (_, map) => collect(map as MapNode), Seq: (_, seq) => collect(seq as SeqNode) });
      }
      this.parents = parents;
    }
    return this.parents.get(node);
  }

  /** Whether an alias (`*name`) refers to the anchor `name` (known from the root given to the constructor). */
  aliased(anchor: string): boolean {
    let found = false;
    if (this.root && typeof this.root === 'object') {
      visit(this.root as Parameters<typeof visit>[0], { Alias: (_, alias) => (alias.source === anchor ? ((found = true), visit.BREAK) : undefined) });
    }
    return found;
  }

  /** Whether a pair sits in a flow map (`{a: 1, b: 2}`, JSON), where block lines cannot go. */
  inFlow(pair: PairNode): boolean {
    return !!this.parentOf(pair)?.flow;
  }

  /** Where a flow collection's closing bracket is, when its node ends with it. */
  private closingBracket(collection: MapNode | SeqNode): number | undefined {
    const end = this.contentEnd(collection);
    const bracket = collection.flow && end !== undefined ? end - 1 : -1;
    return bracket >= 0 && this.text[bracket] === (isSeq(collection) ? ']' : '}') ? bracket : undefined;
  }

  /**
   * Adds flow `entries` (`key: value`, or items) to a flow collection: after `after`, or after the last entry, on
   * their own lines when the entries are on their own lines (pretty JSON), else on the same line.
   */
  private insertFlow(collection: MapNode | SeqNode, entries: readonly string[], after?: unknown): TextChange | undefined {
    const close = this.closingBracket(collection);
    if (close === undefined || entries.length === 0) return undefined;
    const anchor = after ?? collection.items[collection.items.length - 1];
    if (!anchor) {
      const open = nodeSpan(collection)?.start;
      if (open === undefined) return undefined;
      return { start: open + 1, end: close, newText: entries.join(', ') };
    }
    const anchorStart = isScalar(anchor) || isMap(anchor) || isSeq(anchor) ? nodeSpan(anchor)?.start : keySpan(anchor as PairNode)?.start;
    const at = isScalar(anchor) || isMap(anchor) || isSeq(anchor) ? this.contentEnd(anchor) : this.pairContentEnd(anchor as PairNode);
    if (anchorStart === undefined || at === undefined) return undefined;
    const ownLines = this.lines.lineStart(anchorStart) !== this.lines.lineStart(nodeSpan(collection)?.start ?? anchorStart);
    const separator = ownLines ? `,${this.eol}${' '.repeat(this.lines.column(anchorStart))}` : ', ';
    return { start: at, end: at, newText: entries.map((entry) => separator + entry).join('') };
  }

  get eol(): string {
    return this.lines.eol;
  }

  /** Offset just past a node's own content (its trailing comments and line breaks excluded). */
  contentEnd(node: unknown): number | undefined {
    const range = (node as { range?: [number, number, number] | null } | null)?.range;
    if (!range) return undefined;
    return this.lines.trimEnd(range[1], range[0]);
  }

  /** End of a pair's content: its value, or its key when the value is empty. */
  pairContentEnd(pair: PairNode): number | undefined {
    const key = keySpan(pair);
    const value = pair.value === null || pair.value === undefined ? undefined : this.contentEnd(pair.value);
    if (!key) return value;
    return value !== undefined && value > key.end ? value : key.end;
  }

  /**
   * Extends a block ending at `contentEnd` over the comment lines right below it that are indented deeper than
   * `ownerColumn`: they describe the block's content and move or go with it.
   */
  blockEnd(contentEnd: number, ownerColumn: number): number {
    let lastLineEnd = this.lines.lineEnd(contentEnd);
    let next = this.lines.nextLineStart(contentEnd);
    while (next < this.text.length && this.lines.isComment(next) && this.lines.indentOf(next) > ownerColumn) {
      lastLineEnd = this.lines.lineEnd(next);
      next = this.lines.nextLineStart(next);
    }
    return lastLineEnd;
  }

  /** Column of a block map's keys, or undefined for a flow map (`{...}`), which these edits leave alone. */
  mapColumn(map: MapNode): number | undefined {
    if (map.flow) return undefined;
    const first = map.items[0];
    const span = first ? keySpan(first) : undefined;
    return span ? this.lines.column(span.start) : undefined;
  }

  /** The offset of an item's `-` indicator in a block sequence. */
  dashOffset(item: unknown): number | undefined {
    const span = nodeSpan(item);
    if (!span) return undefined;
    let i = span.start - 1;
    while (i >= 0 && /\s/.test(this.text[i])) i--;
    return i >= 0 && this.text[i] === '-' ? i : undefined;
  }

  /** Column of a block sequence's dashes, or undefined for a flow or empty sequence. */
  dashColumn(seq: SeqNode): number | undefined {
    if (seq.flow || seq.items.length === 0) return undefined;
    const dash = this.dashOffset(seq.items[0]);
    return dash === undefined ? undefined : this.lines.column(dash);
  }

  /** Columns between a sequence item's dash and its content (`- name` → 2, `-   name` → 4). */
  itemContentOffset(seq: SeqNode): number {
    const first = seq.items[0];
    const dash = this.dashOffset(first);
    const span = nodeSpan(first);
    if (dash === undefined || !span || this.lines.lineStart(dash) !== this.lines.lineStart(span.start)) return 2;
    return span.start - dash;
  }

  /**
   * The lines of one sequence item: its dash line, the comment lines right above it that are not indented deeper
   * than its dash (deeper ones end the previous item), and the deeper comment lines below its content.
   */
  seqItemBlock(seq: SeqNode, index: number): LineBlock | undefined {
    const item = seq.items[index];
    const dash = this.dashOffset(item);
    const contentEnd = this.contentEnd(item);
    if (dash === undefined || contentEnd === undefined || !this.lines.startsLine(dash)) return undefined;
    const dashColumn = this.lines.column(dash);
    let start = this.lines.lineStart(dash);
    for (let previous = this.lines.previousLineStart(start); previous !== undefined; previous = this.lines.previousLineStart(previous)) {
      if (!this.lines.isComment(previous)) break;
      if (index > 0 && this.lines.indentOf(previous) > dashColumn) break;
      start = previous;
    }
    const lastLineEnd = this.blockEnd(contentEnd, dashColumn);
    return { start, end: this.lines.nextLineStart(lastLineEnd), lastLineEnd };
  }

  /** The lines of a `key: value` pair whose key starts its line, with the deeper comment lines below it. */
  pairBlock(pair: PairNode): LineBlock | undefined {
    const key = keySpan(pair);
    const contentEnd = this.pairContentEnd(pair);
    if (!key || contentEnd === undefined) return undefined;
    const lastLineEnd = this.blockEnd(contentEnd, this.lines.column(key.start));
    return { start: this.lines.lineStart(key.start), end: this.lines.nextLineStart(lastLineEnd), lastLineEnd };
  }

  /** Comment lines right above a pair at its own indentation: they belong to it and stay above it. */
  attachedCommentsStart(pair: PairNode): number | undefined {
    const key = keySpan(pair);
    if (!key || !this.lines.startsLine(key.start) || this.lines.lineText(key.start).trimStart().startsWith('-')) return undefined;
    const column = this.lines.column(key.start);
    let start = this.lines.lineStart(key.start);
    for (let previous = this.lines.previousLineStart(start); previous !== undefined; previous = this.lines.previousLineStart(previous)) {
      if (!this.lines.isComment(previous) || this.lines.indentOf(previous) !== column) break;
      start = previous;
    }
    return start;
  }

  /**
   * Inserts lines (relative indentation 0) into a block map at its key column: after the pair `after`, or after
   * the last pair. Returns undefined for a flow map.
   */
  insertIntoMap(map: MapNode, fragment: readonly string[], after?: PairNode): TextChange | undefined {
    if (map.flow) {
      const entries = this.root ? flowEntries(fragment, this.flowStyle) : undefined;
      return entries && this.insertFlow(map, entries, after);
    }
    const column = this.mapColumn(map);
    const anchor = after ?? map.items[map.items.length - 1];
    if (column === undefined || !anchor) return undefined;
    const anchorKey = keySpan(anchor);
    const contentEnd = this.pairContentEnd(anchor);
    if (!anchorKey || contentEnd === undefined) return undefined;
    const at = this.blockEnd(contentEnd, column);
    return { start: at, end: at, newText: indentLines(fragment, column).map((line) => this.eol + line).join('') };
  }

  /** Inserts `key: value` lines before a pair (and above its attached comments), at the pair's column. */
  insertBeforePair(pair: PairNode, fragment: readonly string[]): TextChange | undefined {
    if (this.inFlow(pair)) {
      const key = keySpan(pair);
      const entries = flowEntries(fragment, this.flowStyle);
      if (!key || !entries) return undefined;
      const ownLine = this.lines.startsLine(key.start);
      const separator = ownLine ? `,${this.eol}${' '.repeat(this.lines.column(key.start))}` : ', ';
      return { start: key.start, end: key.start, newText: entries.join(separator) + separator };
    }
    const start = this.attachedCommentsStart(pair);
    const key = keySpan(pair);
    if (start === undefined || !key) return undefined;
    const column = this.lines.column(key.start);
    return { start, end: start, newText: indentLines(fragment, column).map((line) => line + this.eol).join('') };
  }

  /** Lines of a new sequence item (relative indentation 0) placed at `dashColumn`. */
  itemLines(itemFragment: readonly string[], dashColumn: number, contentOffset = 2): string[] {
    const [first, ...rest] = itemFragment;
    const dash = ' '.repeat(dashColumn) + '-' + ' '.repeat(Math.max(1, contentOffset - 1));
    return [dash + (first ?? ''), ...indentLines(rest, dashColumn + contentOffset)];
  }

  /** Appends an item to a block sequence, matching its dash column. */
  appendToSeq(seq: SeqNode, itemFragment: readonly string[]): TextChange | undefined {
    if (seq.flow) return this.root ? this.insertFlow(seq, [flowValue(fragmentValue(itemFragment), this.flowStyle)]) : undefined;
    const dashColumn = this.dashColumn(seq);
    const block = dashColumn === undefined ? undefined : this.seqItemBlock(seq, seq.items.length - 1);
    if (dashColumn === undefined || !block) return undefined;
    const lines = this.itemLines(itemFragment, dashColumn, this.itemContentOffset(seq));
    return { start: block.lastLineEnd, end: block.lastLineEnd, newText: lines.map((line) => this.eol + line).join('') };
  }

  /**
   * Replaces a scalar's text, keeping its quoting style; `raw` writes the text as is (a boolean, a number) into a
   * plain scalar.
   */
  replaceScalar(node: unknown, value: string, raw = false): TextChange | undefined {
    const span = nodeSpan(node);
    // An anchored value that aliases repeat is shared: changing it here would change it there too.
    if (!span || !isScalar(node) || (node.anchor && this.aliased(node.anchor))) return undefined;
    const plain = node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE';
    return { start: span.start, end: this.lines.trimEnd(span.end, span.start), newText: raw && plain ? value : quoteLike(node, value) };
  }

  /**
   * Gives a pair whose value is empty, null or a flow collection (`resources: {}`, `initContainers: []`) a block
   * value: `lines` (relative indentation 0) go below the key, one unit deeper (sequences per the file's style).
   */
  setBlockValue(pair: PairNode, lines: readonly string[], isSequence = false): TextChange | undefined {
    const key = keySpan(pair);
    if (!key) return undefined;
    const colon = this.text.indexOf(':', key.end);
    if (this.inFlow(pair)) {
      // In a flow map the value is replaced by the same value in flow style, on its line.
      const value = flowValue(fragmentValue(lines), this.flowStyle);
      const span = nodeSpan(pair.value);
      const end = span ? this.contentEnd(pair.value) : undefined;
      if (span && end !== undefined) return { start: span.start, end, newText: value };
      return colon < 0 ? undefined : { start: colon + 1, end: colon + 1, newText: ` ${value}` };
    }
    if (colon < 0 || this.lines.lineStart(colon) !== this.lines.lineStart(key.end)) return undefined;
    const valueEnd = nodeSpan(pair.value) ? this.contentEnd(pair.value) ?? colon + 1 : colon + 1;
    const column = this.lines.column(key.start) + (isSequence && !this.style.indentedSequences ? 0 : this.style.unit);
    const lineEnd = this.lines.lineEnd(colon);
    if (valueEnd > lineEnd) return undefined;
    // A comment after the old value (`initContainers: [] # none yet`) stays on the key's line.
    const comment = this.text.slice(valueEnd, lineEnd).trim();
    return {
      start: colon + 1,
      end: lineEnd,
      newText: (comment ? ` ${comment}` : '') + indentLines(lines, column).map((line) => this.eol + line).join(''),
    };
  }

  /**
   * Replaces a pair (`value: x`) by the pairs of `fragment` (relative indentation 0): block lines at the pair's
   * column, or flow entries in a flow map.
   */
  replacePair(pair: PairNode, fragment: readonly string[]): TextChange | undefined {
    const key = keySpan(pair);
    const end = this.pairContentEnd(pair);
    if (!key || end === undefined) return undefined;
    if (this.inFlow(pair)) {
      const entries = flowEntries(fragment, this.flowStyle);
      return entries && { start: key.start, end, newText: entries.join(', ') };
    }
    const column = this.lines.column(key.start);
    return { start: key.start, end, newText: fragment.map((line, i) => (i === 0 ? line : ' '.repeat(column) + line)).join(this.eol) };
  }

  /** Column offset of a new sequence under a key, from a sibling sequence when there is one, else the file's style. */
  sequenceOffset(sibling?: { pair?: PairNode; seq?: SeqNode }): number {
    const key = sibling?.pair ? keySpan(sibling.pair) : undefined;
    const dash = sibling?.seq ? this.dashColumn(sibling.seq) : undefined;
    if (key && dash !== undefined) return Math.max(0, dash - this.lines.column(key.start));
    return this.style.indentedSequences ? this.style.unit : 0;
  }

  /** `key:` followed by the items of a new block sequence (relative indentation 0), for insertIntoMap. */
  newSequence(key: string, items: readonly (readonly string[])[], offset: number): string[] {
    return [`${key}:`, ...items.flatMap((item) => this.itemLines(item, offset))];
  }

  /**
   * Removes a pair. A pair that starts its line goes with its whole lines; the first pair of a sequence item
   * (`- key: v`) gives way to the next pair, which moves up to the dash line.
   */
  removePair(map: MapNode, pair: PairNode): TextChange | undefined {
    const key = keySpan(pair);
    const block = this.pairBlock(pair);
    if (!key || !block) return undefined;
    if (this.lines.startsLine(key.start) && !this.lines.lineText(key.start).trimStart().startsWith('-')) {
      return { start: block.start, end: block.end, newText: '' };
    }
    const index = map.items.indexOf(pair);
    const next = map.items[index + 1];
    const nextKey = next ? keySpan(next) : undefined;
    if (!nextKey) return undefined;
    return { start: key.start, end: nextKey.start, newText: '' };
  }

  /**
   * Removes one sequence item with its attached comments. When it is the only item, the owning pair goes
   * instead (an empty `initContainers:` would read as null), when `owner` is given.
   */
  removeSeqItem(seq: SeqNode, index: number, owner?: { map: MapNode; pair: PairNode }): TextChange | undefined {
    if (seq.items.length === 1 && owner) return this.removePair(owner.map, owner.pair);
    const block = this.seqItemBlock(seq, index);
    if (!block) return undefined;
    if (block.end === this.text.length && block.lastLineEnd === this.text.length && block.start > 0) {
      // The last line of the text has no line break: take the one before it instead.
      const previousEnd = this.lines.lineEnd(block.start - 1);
      return { start: previousEnd, end: block.end, newText: '' };
    }
    return { start: block.start, end: block.end, newText: '' };
  }

  /**
   * The text of a block of whole lines with `inner` changes applied (offsets of this document), moved by `delta`
   * columns, without its final line break. Undefined when a change lies outside the block.
   */
  blockText(block: LineBlock, delta: number, inner: readonly TextChange[] = []): string[] | undefined {
    let text = this.text.slice(block.start, block.lastLineEnd);
    for (const change of [...inner].sort((a, b) => b.start - a.start)) {
      if (change.start < block.start || change.end > block.lastLineEnd) return undefined;
      text = text.slice(0, change.start - block.start) + change.newText + text.slice(change.end - block.start);
    }
    return shiftLines(text.split(LINE_BREAK), delta);
  }

  /** A fragment (relative indentation 0) for `value`, in this file's indentation style. */
  fragment(value: unknown): string[] {
    // Written in the canonical style (2 spaces, indented sequences), then re-indented into the file's own.
    const canonical = stringify(value, { indent: 2, indentSeq: true, lineWidth: 0, aliasDuplicateObjects: false }).replace(/\n$/, '');
    return reindentBlock(canonical, this.style).split('\n');
  }
}

function quoteLike(node: Scalar, value: string): string {
  if (node.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (node.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  // A plain scalar that would read as another type or break the line gets quoted.
  return /^[\w./<-][\w./:@<>+-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[-+]?\d[\d_.e+-]*)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

/** Columns of the first inserted line of a change that starts with a line break (an insertion after a line). */
function insertedDepth(change: TextChange): number {
  const match = /^\r?\n( *)/.exec(change.newText);
  return match ? match[1].length : -1;
}

/**
 * Orders changes for an LSP edit, where insertions at one position appear in array order: when two blocks are
 * inserted after the same line (the end of a nested map and the end of its parent), the deeper one must come
 * first or it would land under the wrong key.
 */
export function orderChanges(changes: readonly TextChange[]): TextChange[] {
  return [...changes].sort((a, b) => a.start - b.start || (a.start === a.end && b.start === b.end ? insertedDepth(b) - insertedDepth(a) : 0));
}
