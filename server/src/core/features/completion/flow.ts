import type { YamlPath } from '../../parse/nodes';
import type { CursorContext } from './cursor';
import { MAX_NESTING_DEPTH } from '../../parse/nesting';
import { LINE_BREAK, lineInfo, mapPathAt, seqPathAt, trimBlanksEnd, unquote, type DocumentLines } from './lines';

/** Completion inside flow collections (`{a: 1, |}`, `[x, |]`) on the cursor's line. */

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
export function flowContext(before: string): FlowFrame[] | undefined {
  const frames: FlowFrame[] = [];
  let quote: string | undefined;
  // The current token is before[tokenStart, i): kept as an offset, since appending char by char costs a string per char.
  let tokenStart = 0;
  let pendingKey: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(before[i - 1]))) return undefined;
    const top = frames[frames.length - 1];
    if (ch === '{' || ch === '[') {
      // Deeper than any manifest (validation refuses the document too): nothing to complete.
      if (frames.length >= MAX_NESTING_DEPTH) return undefined;
      frames.push({ open: ch, key: top?.open === '{' ? top.currentKey : pendingKey, index: 0, keys: new Set(), inValue: false });
      tokenStart = i + 1;
      continue;
    }
    if (ch === '}' || ch === ']') {
      frames.pop();
      tokenStart = i + 1;
      continue;
    }
    if (ch === ':' && (i + 1 === before.length || /\s/.test(before[i + 1]))) {
      const key = unquote(before.slice(tokenStart, i).trim());
      if (top?.open === '{') {
        top.keys.add(key);
        top.currentKey = key;
        top.inValue = true;
      } else if (!top) pendingKey = key;
      tokenStart = i + 1;
      continue;
    }
    if (ch === ',' && top) {
      if (top.open === '[') top.index++;
      else {
        top.inValue = false;
        top.currentKey = undefined;
      }
      tokenStart = i + 1;
      continue;
    }
  }
  return frames.length ? frames : undefined;
}

export function flowCursorContext(
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
  // `key:` before the bracket. The key is the longest run up to its last non-blank (the same as a lazy key
  // followed by `[ \t]*:`, without rescanning blanks), and only a part that ends with `:` is tried at all:
  // otherwise the engine tries every split of a line of `- - - …` (quadratic).
  const keyed = trimBlanksEnd(blockPart).endsWith(':') && !LINE_BREAK.test(blockPart) ? /^( *)((?:- +)*)(.*[^ \t\n\r\u2028\u2029]|.)[ \t]*:[ \t]*$/.exec(blockPart) : null;
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
  path = [...path];
  for (let i = 0; i < frames.length - 1; i++) {
    const frame = frames[i];
    if (frame.open === '[') path.push(frame.index);
    else if (frames[i + 1].key !== undefined) path.push(frames[i + 1].key as string);
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
  for (const m of (closing >= 0 ? after.slice(0, closing) : after).matchAll(/(?<![A-Za-z0-9_.\-/])([A-Za-z0-9_.\-/]+)\s*:/g)) existingKeys.add(m[1]);
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
