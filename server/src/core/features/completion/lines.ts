import type { YamlPath } from '../../parse/nodes';
import { LineIndex } from '../../parse/line-index';

/**
 * The shape of a document's lines as completion reads them: indentation, list dashes and keys, and the map or list
 * a line belongs to, found by scanning the lines above.
 */

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

/** A character that can start a plain key: not a space, and not an indicator `#'"{[]},&*!|>%@\`` or `-`. */
const PLAIN_KEY_START = /[^\s#'"{[\]},&*!|>%@`-]/;
export const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The key of `key:` or `key: value` at the start of `content` (quoted keys too) and whether a value follows, or
 * undefined when the content is not a map entry. One pass over the line: the regex this replaces (a lazy key
 * then `[ \t]*:`) rescanned the spaces ahead at every character, quadratic on a long line of spaces.
 */
function mapEntry(content: string): { key: string; value?: string } | undefined {
  const lastBreak = lastLineBreak(content);
  // A `:` ends a key when the line ends there or a blank follows, with no line break after it.
  const separates = (colon: number) => content[colon] === ':' && (colon + 1 === content.length || /[ \t]/.test(content[colon + 1])) && lastBreak < colon;
  if (content.startsWith('"') || content.startsWith("'")) {
    const keyEnd = quotedEnd(content);
    const colon = keyEnd < 0 ? -1 : skipBlanks(content, keyEnd);
    return colon >= 0 && separates(colon) ? afterColon(content, content.slice(0, keyEnd), colon) : undefined;
  }
  const plain = content.startsWith('-') ? content.length > 1 && !/[\s#]/.test(content[1]) : PLAIN_KEY_START.test(content.charAt(0));
  if (!plain) return undefined;
  const minimum = content.startsWith('-') ? 2 : 1;
  const hash = content.indexOf('#');
  const limit = hash < 0 ? content.length : hash;
  for (let colon = content.indexOf(':', minimum); colon >= 0 && colon < limit; colon = content.indexOf(':', colon + 1)) {
    if (!separates(colon)) continue;
    let keyEnd = colon;
    while (keyEnd > minimum && /[ \t]/.test(content[keyEnd - 1])) keyEnd--;
    return afterColon(content, content.slice(0, keyEnd), colon);
  }
  return undefined;
}

/** `text` without trailing spaces and tabs (a loop: `/[ \t]+$/` is quadratic on a run of blanks). */
export function trimBlanksEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return text.slice(0, end);
}

function skipBlanks(text: string, at: number): number {
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  return at;
}

/** End (after the closing quote) of the quoted scalar that starts `text`, or -1. */
function quotedEnd(text: string): number {
  const quote = text[0];
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quote === '"' && ch === '\\') {
      if (i + 1 >= text.length || LINE_BREAK.test(text[i + 1])) return -1;
      i++;
    } else if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

function afterColon(content: string, key: string, colon: number): { key: string; value?: string } {
  const rest = content.slice(colon + 1);
  return { key, value: rest === '' ? undefined : rest.replace(/^[ \t]+/, '') };
}

function lastLineBreak(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (LINE_BREAK.test(text[i])) return i;
  return -1;
}

/** `content` without a trailing ` # comment` (a `#` after a blank, with no line break after it). */
function withoutComment(content: string): string {
  for (let hash = content.indexOf('#', lastLineBreak(content) + 1); hash >= 0; hash = content.indexOf('#', hash + 1)) {
    let start = hash;
    while (start > 0 && (content.charCodeAt(start - 1) === 32 || content.charCodeAt(start - 1) === 9)) start--;
    if (start < hash) return content.slice(0, start);
  }
  return content;
}

export function unquote(key: string): string {
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
  const entry = mapEntry(withoutComment(content));
  const key = entry ? unquote(entry.key.trim()) : undefined;
  return { indent, dashes, contentColumn: column, key, hasValue: !!entry?.value?.trim() };
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
    const at = sortedIndexOf(own.dashes, dashColumn);
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

/** Index of `value` in an ascending list, or -1 (a line of `- - - …` has a dash list as long as the line). */
function sortedIndexOf(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
