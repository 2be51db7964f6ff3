import type { YamlPath } from '../../parse/nodes';
import type { CursorContext } from './cursor';
import { flowContext, flowCursorContext } from './flow';
import { DocumentLines, lineInfo, mapPathAt, seqPathAt, trimBlanksEnd, unquote } from './lines';

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
  // Here and below the dashes are an atomic group (`(?=(…))\2`): giving them back to the next group never makes
  // a match, and trying costs n² on a line of `- - - …`.
  const keyMatch = /^( *)(?=((?:- +)*))\2([^\s:#{}[\],'"]*)$/.exec(before);
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
  // Linear on any line: atomic dashes, the key runs greedily to its colon, the blanks after it are taken whole.
  // A lazy key before `[ \t]*:`, or blanks that `[^#]*` could share, made this quadratic on a line of spaces.
  const valueMatch = /^( *)(?=((?:- +)*))\2("(?:[^"\\]|\\.)*"[ \t]*|'(?:[^']|'')*'[ \t]*|[^\s#'"{[\]},][^#:]*):[ \t]+(?![ \t])(["']?)([^#]*)$/.exec(before);
  if (valueMatch) {
    const keyColumn = valueMatch[1].length + valueMatch[2].length;
    const key = unquote(trimBlanksEnd(valueMatch[3]));
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
  const bareKey = /^( *)(?=((?:- +)*))\2([A-Za-z0-9_.\-/]+):$/.exec(before);
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
  const scalarItem = /^( *)(?=((?:- +)+))\2([^#:{}[\]]*)$/.exec(before);
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
