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

const KEY_PATTERN = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?:[ \t]+(.*)|[ \t]*)$/;

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
