import type { YamlPath } from '../parse/nodes';
import { LineIndex } from '../parse/line-index';

/**
 * Where the cursor is, read from the text of one document rather than from its parse: while the user types,
 * the current line is usually not valid YAML yet (`    volu`, `  - `, `image: `), but the lines around it are,
 * and indentation alone tells which map or list the cursor belongs to.
 */
export type CursorContext =
  | {
      kind: 'key';
      /** Path of the map whose keys are completed (ends with an index inside list items). */
      path: YamlPath;
      /** Column the key starts at (where new lines of an inserted block are indented from). */
      column: number;
      /** Keys already present in that map, the one being typed excluded. */
      existingKeys: Set<string>;
      /** The cursor follows a `- ` that starts a new, still empty list item. */
      itemStart: boolean;
      /** The map is written in flow style (`{a: 1, |}`): insert `key: value` on one line. */
      flow: boolean;
      /** The cursor sits at the column of a list's items, where a new `- ` item can start. */
      listPath?: YamlPath;
      /** Text of the word being completed and where it is (document-relative). */
      word: string;
      wordStart: number;
      wordEnd: number;
      /** The key typed is already followed by `:` on this line: complete the name only. */
      hasColon: boolean;
    }
  | {
      kind: 'value';
      /** Path of the value (the key's path). */
      path: YamlPath;
      key: string;
      word: string;
      wordStart: number;
      wordEnd: number;
      /** A list item scalar (`- |` under a list of strings). */
      listItem: boolean;
      /** Text to put before the value: a space right after a colon (`key:|`). */
      prefix?: string;
    };

interface LineInfo {
  /** Column of the first non-space character. */
  indent: number;
  /** Columns of the `- ` markers that start the line. */
  dashes: number[];
  /** Column where the content after the dashes starts. */
  contentColumn: number;
  /** The key at contentColumn when the content is `key:` or `key: value`. */
  key?: string;
  /** Whether the key has a value on this line. */
  hasValue: boolean;
}

const KEY_PATTERN = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?:[ \t]+(.*)|[ \t]*)$/;

function unquote(key: string): string {
  if (key.startsWith('"') && key.endsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

/** Reads one line's shape, or undefined for blank and comment lines. */
export function lineInfo(line: string): LineInfo | undefined {
  let indent = 0;
  while (indent < line.length && line.charCodeAt(indent) === 32) indent++;
  const dashes: number[] = [];
  let column = indent;
  while (line.charCodeAt(column) === 45 /* - */ && (column + 1 === line.length || line.charCodeAt(column + 1) === 32)) {
    dashes.push(column);
    column += 1;
    while (line.charCodeAt(column) === 32) column++;
  }
  const content = line.slice(column).replace(/\r$/, '');
  if (content.startsWith('#') || (content.trim() === '' && dashes.length === 0)) return undefined;
  const match = KEY_PATTERN.exec(content.replace(/[ \t]+#.*$/, ''));
  const key = match ? unquote(match[1].trim()) : undefined;
  return { indent, dashes, contentColumn: column, key, hasValue: !!match?.[2]?.trim() };
}

/** The document's lines with their start offsets (LineIndex's lines); the line break stays out of the line text. */
export class DocumentLines {
  readonly lines: string[] = [];
  readonly starts: number[] = [];
  readonly index: LineIndex;
  private readonly infos = new Map<number, LineInfo | undefined>();

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
    for (let line = 0; line < this.index.lineCount; line++) {
      this.starts.push(this.index.lineStart(line));
      this.lines.push(this.index.lineText(line));
    }
  }

  lineOf(offset: number): number {
    return this.index.lineAt(offset);
  }

  info(line: number): LineInfo | undefined {
    if (!this.infos.has(line)) {
      const text = this.lines[line];
      // A `---` or `...` line bounds the document; treat it as nothing.
      this.infos.set(line, /^(---|\.\.\.)(\s|$)/.test(text) ? undefined : lineInfo(text));
    }
    return this.infos.get(line);
  }

  /** Key column of a line: where its map content starts. */
  keyColumn(line: number): number {
    return this.info(line)?.contentColumn ?? 0;
  }
}

/**
 * Path of the map at `column` that holds a key written at `column` on line `line` (lines above are scanned).
 * Collects the keys of that map seen above into `siblings`.
 */
export function mapPathAt(doc: DocumentLines, line: number, column: number, siblings?: Set<string>, depth = 0): YamlPath | undefined {
  if (depth > 200) return undefined;
  for (let i = line - 1; i >= 0; i--) {
    const info = doc.info(i);
    if (!info) continue;
    const keyColumn = info.contentColumn;
    if (keyColumn > column) continue;
    if (keyColumn === column) {
      if (info.key !== undefined) siblings?.add(info.key);
      if (info.dashes.length > 0) {
        // The map is a list item that starts on this line.
        const seq = seqPathAt(doc, i, info.dashes[info.dashes.length - 1], depth + 1);
        return seq && [...seq.path, seq.index];
      }
      continue;
    }
    if (info.key === undefined) return undefined;
    const parent = keyLinePath(doc, i, depth + 1);
    return parent && [...parent, info.key];
  }
  return [];
}

/** Path of the map that holds the key written on line `line`. */
function keyLinePath(doc: DocumentLines, line: number, depth: number): YamlPath | undefined {
  const info = doc.info(line);
  if (!info) return undefined;
  if (info.dashes.length > 0) {
    const seq = seqPathAt(doc, line, info.dashes[info.dashes.length - 1], depth + 1);
    return seq && [...seq.path, seq.index];
  }
  return mapPathAt(doc, line, info.contentColumn, undefined, depth + 1);
}

/** The list whose item's dash is at `dashColumn` on line `line`, and that item's index. */
export function seqPathAt(doc: DocumentLines, line: number, dashColumn: number, depth = 0): { path: YamlPath; index: number } | undefined {
  if (depth > 200) return undefined;
  const own = doc.info(line);
  if (own && own.dashes.length > 1 && own.dashes[0] !== dashColumn) {
    // `- - x`: a nested list that starts on this line, as the item of the outer one.
    const at = own.dashes.indexOf(dashColumn);
    if (at > 0) {
      const outer = seqPathAt(doc, line, own.dashes[at - 1], depth + 1);
      return outer && { path: [...outer.path, outer.index], index: 0 };
    }
  }
  let index = 0;
  for (let i = line - 1; i >= 0; i--) {
    const info = doc.info(i);
    if (!info) continue;
    if (info.indent > dashColumn) continue;
    if (info.indent === dashColumn && info.dashes[0] === dashColumn) {
      index++;
      continue;
    }
    if (info.key === undefined) return undefined;
    const parent = keyLinePath(doc, i, depth + 1);
    return parent && { path: [...parent, info.key], index };
  }
  return undefined;
}

/** Keys of the same map below the cursor line (until the map ends). */
function siblingKeysBelow(doc: DocumentLines, line: number, column: number, into: Set<string>): void {
  for (let i = line + 1; i < doc.lines.length; i++) {
    const info = doc.info(i);
    if (!info) {
      if (/^(---|\.\.\.)(\s|$)/.test(doc.lines[i])) return;
      continue;
    }
    if (info.contentColumn > column && info.indent >= column) continue;
    if (info.contentColumn < column || info.dashes.length > 0) return;
    if (info.key !== undefined) into.add(info.key);
  }
}

const WORD_CHAR = /[A-Za-z0-9_.\-/$]/;

/** The cursor's context in a document's text, or undefined where nothing can be completed (comments, block scalars). */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const doc = new DocumentLines(text);
  const line = doc.lineOf(offset);
  const lineText = doc.lines[line];
  const column = Math.min(offset - doc.starts[line], lineText.length);
  const before = lineText.slice(0, column);
  if (/(^|\s)#/.test(before) || /^(---|\.\.\.)/.test(before)) return undefined;
  let wordStartColumn = column;
  while (wordStartColumn > 0 && WORD_CHAR.test(lineText[wordStartColumn - 1])) wordStartColumn--;
  let wordEndColumn = column;
  while (wordEndColumn < lineText.length && WORD_CHAR.test(lineText[wordEndColumn])) wordEndColumn++;
  const lineStart = doc.starts[line];
  const word = lineText.slice(wordStartColumn, column);
  const flow = flowContext(before);
  if (flow) return flowCursorContext(doc, line, before, flow, lineStart, wordStartColumn, wordEndColumn, word);

  // Key position: only indentation, dashes and a partial key before the cursor.
  const keyMatch = /^( *)((?:- +)*)([^\s:#{}[\],'"]*)$/.exec(before);
  if (keyMatch) {
    const dashText = keyMatch[2];
    const keyColumn = keyMatch[1].length + dashText.length;
    const after = lineText.slice(wordEndColumn);
    // In the indentation of a line that has content: nothing to insert there.
    if (word === '' && after.trim() !== '' && !after.trim().startsWith('#') && !/^[ \t]*:/.test(after)) return undefined;
    const hasColon = /^[ \t]*:/.test(after);
    const existingKeys = new Set<string>();
    let path: YamlPath | undefined;
    let listPath: YamlPath | undefined;
    const itemStart = dashText.length > 0;
    if (itemStart) {
      const dashes = lineInfo(lineText.slice(0, keyColumn) + 'x')?.dashes ?? [];
      const seq = seqPathAt(doc, line, dashes[dashes.length - 1] ?? keyColumn - 2);
      if (!seq) return undefined;
      path = [...seq.path, seq.index];
    } else {
      path = mapPathAt(doc, line, keyColumn, existingKeys);
      listPath = listAt(doc, line, keyColumn);
    }
    if (!path) return undefined;
    siblingKeysBelow(doc, line, keyColumn, existingKeys);
    existingKeys.delete(word);
    return {
      kind: 'key',
      path,
      column: keyColumn,
      existingKeys,
      itemStart,
      flow: false,
      listPath,
      word,
      wordStart: lineStart + wordStartColumn,
      wordEnd: lineStart + wordEndColumn,
      hasColon,
    };
  }

  // Value position: `key: partial` or `- partial` under a list of scalars.
  const valueMatch = /^( *)((?:- +)*)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},][^#:]*?)[ \t]*:[ \t]+(["']?)([^#]*)$/.exec(before);
  if (valueMatch) {
    const keyColumn = valueMatch[1].length + valueMatch[2].length;
    const key = unquote(valueMatch[3]);
    let parent: YamlPath | undefined;
    if (valueMatch[2].length > 0) {
      const dashes = lineInfo(lineText)?.dashes ?? [];
      const seq = seqPathAt(doc, line, dashes[dashes.length - 1] ?? keyColumn - 2);
      parent = seq && [...seq.path, seq.index];
    } else {
      parent = mapPathAt(doc, line, keyColumn);
    }
    if (!parent) return undefined;
    const valueStartColumn = before.length - valueMatch[5].length;
    if (/[|>]/.test(valueMatch[5].trim().charAt(0))) return undefined;
    return {
      kind: 'value',
      path: [...parent, key],
      key,
      word: valueMatch[5],
      wordStart: lineStart + valueStartColumn,
      wordEnd: lineStart + Math.max(column, valueEnd(lineText, column)),
      listItem: false,
    };
  }
  // `key:` with the cursor right after the colon: a value, separated by a space.
  const bareKey = /^( *)((?:- +)*)([A-Za-z0-9_.\-/]+):$/.exec(before);
  if (bareKey && lineText.slice(column).trim() === '') {
    const keyColumn = bareKey[1].length + bareKey[2].length;
    let parent: YamlPath | undefined;
    if (bareKey[2].length > 0) {
      const seq = seqPathAt(doc, line, keyColumn - 2);
      parent = seq && [...seq.path, seq.index];
    } else parent = mapPathAt(doc, line, keyColumn);
    if (!parent) return undefined;
    return { kind: 'value', path: [...parent, bareKey[3]], key: bareKey[3], word: '', wordStart: lineStart + column, wordEnd: lineStart + column, listItem: false, prefix: ' ' };
  }
  const scalarItem = /^( *)((?:- +)+)([^#:{}[\]]*)$/.exec(before);
  if (scalarItem) {
    const dashes = lineInfo(lineText)?.dashes ?? [];
    const seq = seqPathAt(doc, line, dashes[dashes.length - 1] ?? keyColumnOf(before));
    if (!seq) return undefined;
    return {
      kind: 'value',
      path: [...seq.path, seq.index],
      key: String(seq.path[seq.path.length - 1] ?? ''),
      word: scalarItem[3],
      wordStart: lineStart + column - scalarItem[3].length,
      wordEnd: lineStart + Math.max(column, valueEnd(lineText, column)),
      listItem: true,
    };
  }
  return undefined;
}

function keyColumnOf(before: string): number {
  return before.length - before.trimStart().length;
}

/** End of a plain value after the cursor (before a trailing comment). */
function valueEnd(lineText: string, column: number): number {
  const rest = lineText.slice(column);
  const comment = rest.search(/\s#/);
  return column + (comment >= 0 ? comment : rest.trimEnd().length);
}

/**
 * Where a new `- ` item could start: when the line above the cursor, at the cursor's column, is an item of a
 * list (or the cursor sits one unit under a list key), the list's path.
 */
function listAt(doc: DocumentLines, line: number, column: number): YamlPath | undefined {
  for (let i = line - 1; i >= 0; i--) {
    const info = doc.info(i);
    if (!info) continue;
    if (info.indent > column) continue;
    if (info.indent === column && info.dashes[0] === column) {
      return seqPathAt(doc, i, column)?.path;
    }
    if (info.indent === column) return undefined;
    // A key above at a smaller column with no value: its value may become a list starting here.
    if (info.key !== undefined && !info.hasValue && info.dashes.length === 0) {
      const parent = mapPathAt(doc, i, info.contentColumn);
      return parent && [...parent, info.key];
    }
    return undefined;
  }
  return undefined;
}

interface FlowFrame {
  open: '{' | '[';
  /** Key whose value this flow collection is (in the enclosing flow map), if any. */
  key?: string;
  /** Items of a flow list seen so far (its index for the next item). */
  index: number;
  keys: Set<string>;
  /** Whether the current entry of a flow map is past its colon (a value). */
  inValue: boolean;
  currentKey?: string;
}

/** Open flow collections before the cursor on this line (innermost last), or undefined outside any. */
function flowContext(before: string): FlowFrame[] | undefined {
  const frames: FlowFrame[] = [];
  let quote: string | undefined;
  let token = '';
  let pendingKey: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      token += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      token += ch;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(before[i - 1]))) return undefined;
    const top = frames[frames.length - 1];
    if (ch === '{' || ch === '[') {
      frames.push({ open: ch, key: top?.open === '{' ? top.currentKey : pendingKey, index: 0, keys: new Set(), inValue: false });
      token = '';
      continue;
    }
    if (ch === '}' || ch === ']') {
      frames.pop();
      token = '';
      continue;
    }
    if (ch === ':' && (i + 1 === before.length || /\s/.test(before[i + 1]))) {
      const key = unquote(token.trim());
      if (top?.open === '{') {
        top.keys.add(key);
        top.currentKey = key;
        top.inValue = true;
      } else if (!top) pendingKey = key;
      token = '';
      continue;
    }
    if (ch === ',' && top) {
      if (top.open === '[') top.index++;
      else {
        top.inValue = false;
        top.currentKey = undefined;
      }
      token = '';
      continue;
    }
    token += ch;
  }
  return frames.length ? frames : undefined;
}

function flowCursorContext(
  doc: DocumentLines,
  line: number,
  before: string,
  frames: FlowFrame[],
  lineStart: number,
  wordStartColumn: number,
  wordEndColumn: number,
  word: string,
): CursorContext | undefined {
  // Path of the block node the outermost flow collection belongs to.
  const blockPart = before.slice(0, before.indexOf(frames[0].open));
  const info = lineInfo(blockPart + 'x');
  let path: YamlPath | undefined;
  const keyed = /^( *)((?:- +)*)(.+?)[ \t]*:[ \t]*$/.exec(blockPart);
  if (keyed) {
    const keyColumn = keyed[1].length + keyed[2].length;
    let parent: YamlPath | undefined;
    if (keyed[2].length > 0) {
      const seq = seqPathAt(doc, line, info?.dashes[info.dashes.length - 1] ?? keyColumn - 2);
      parent = seq && [...seq.path, seq.index];
    } else parent = mapPathAt(doc, line, keyColumn);
    path = parent && [...parent, unquote(keyed[3])];
  } else if (info && info.dashes.length > 0) {
    const seq = seqPathAt(doc, line, info.dashes[info.dashes.length - 1]);
    path = seq && [...seq.path, seq.index];
  } else if (/^\s*$/.test(blockPart)) {
    path = mapPathAt(doc, line, blockPart.length);
  }
  if (!path) return undefined;
  for (let i = 0; i < frames.length - 1; i++) {
    const frame = frames[i];
    if (frame.open === '[') path = [...path, frame.index];
    else if (frames[i + 1].key !== undefined) path = [...path, frames[i + 1].key as string];
  }
  const top = frames[frames.length - 1];
  const lineText = doc.lines[line];
  if (top.open === '[') {
    return {
      kind: 'value',
      path: [...path, top.index],
      key: String(path[path.length - 1] ?? ''),
      word,
      wordStart: lineStart + wordStartColumn,
      wordEnd: lineStart + wordEndColumn,
      listItem: true,
    };
  }
  if (top.inValue && top.currentKey !== undefined) {
    return {
      kind: 'value',
      path: [...path, top.currentKey],
      key: top.currentKey,
      word,
      wordStart: lineStart + wordStartColumn,
      wordEnd: lineStart + wordEndColumn,
      listItem: false,
    };
  }
  // Keys after the cursor in the same flow map count as present too.
  const after = lineText.slice(wordEndColumn);
  const closing = after.indexOf('}');
  const existingKeys = new Set(top.keys);
  for (const m of (closing >= 0 ? after.slice(0, closing) : after).matchAll(/([A-Za-z0-9_.\-/]+)\s*:/g)) existingKeys.add(m[1]);
  existingKeys.delete(word);
  return {
    kind: 'key',
    path,
    column: before.length,
    existingKeys,
    itemStart: false,
    flow: true,
    word,
    wordStart: lineStart + wordStartColumn,
    wordEnd: lineStart + wordEndColumn,
    hasColon: /^[ \t]*:/.test(after),
  };
}
