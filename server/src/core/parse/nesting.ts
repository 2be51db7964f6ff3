/**
 * How deep a document may nest before we refuse to parse it. The `yaml` parser recurses once per level and runs
 * out of stack near 1,000 levels (`[[[[…`, `- - - …` or ever deeper indentation are all cheap to write); real
 * Kubernetes manifests stay below 30. Refusing early gives one clear diagnostic instead of a parser error per
 * level, and keeps every later recursive walk (toJS, schema validation, features) far from the stack limit.
 */
export const MAX_NESTING_DEPTH = 256;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const DASH = 45;

/**
 * The nesting depth in one pass, without parsing: open indentation levels, `- ` sequence markers on the line, and
 * open flow brackets (`[`, `{`, closed again by `]`, `}`) outside quotes, comments and block scalars. Minified JSON
 * (a Grafana dashboard in a ConfigMap, a one-line JSON manifest) is as deep as its deepest point, not as its bracket
 * count. It can over-count only for unbalanced brackets inside plain scalars, which would take hundreds to matter.
 * Returns the offset where the depth first exceeds `limit`, or -1.
 */
export function findExcessiveNesting(text: string, limit = MAX_NESTING_DEPTH): number {
  const indents: number[] = [];
  let flow = 0;
  // Inside a block scalar (`key: |`): lines indented more than the key's line are text, not structure.
  let blockScalarParent = -1;
  let i = 0;
  const length = text.length;
  while (i < length) {
    let column = 0;
    while (i < length && text.charCodeAt(i) === SPACE) {
      i++;
      column++;
    }
    const first = text.charCodeAt(i);
    const blank = i >= length || first === LF || first === CR || first === HASH;
    if (blockScalarParent >= 0) {
      if (blank || column > blockScalarParent) {
        i = skipLine(text, i);
        continue;
      }
      blockScalarParent = -1;
    }
    if (flow === 0 && !blank) {
      while (indents.length && indents[indents.length - 1] >= column) indents.pop();
      indents.push(column);
    }
    let block = indents.length;
    const lineStart = i;
    let quote = 0;
    let leading = true;
    let lastSignificant = -1;
    for (; i < length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === LF || ch === CR) break;
      if (quote) {
        if (ch === 92 /* \ */ && quote === 34) i++;
        else if (ch === quote) quote = 0;
        continue;
      }
      if (leading && ch === DASH && (i + 1 >= length || isBlankOrBreak(text.charCodeAt(i + 1)))) {
        block++;
      } else if (ch === 91 /* [ */ || ch === 123 /* { */) {
        flow++;
        leading = false;
      } else if (ch === 93 /* ] */ || ch === 125 /* } */) {
        if (flow > 0) flow--;
        leading = false;
      } else if (ch === 34 /* " */ || ch === 39 /* ' */) {
        quote = ch;
        leading = false;
      } else if (ch === HASH && (i === lineStart || isBlank(text.charCodeAt(i - 1)))) {
        while (i + 1 < length && text.charCodeAt(i + 1) !== LF && text.charCodeAt(i + 1) !== CR) i++;
        continue;
      } else if (!isBlank(ch)) {
        leading = false;
      }
      if (!isBlank(ch)) lastSignificant = i;
      if (block + flow > limit) return i;
    }
    if (flow === 0 && quote === 0 && lastSignificant >= 0 && opensBlockScalar(text, lineStart, lastSignificant)) blockScalarParent = column;
    i++; // the line break (a CRLF's \n starts an empty line, which changes nothing)
  }
  return -1;
}

function isBlank(ch: number): boolean {
  return ch === SPACE || ch === TAB;
}

function isBlankOrBreak(ch: number): boolean {
  return isBlank(ch) || ch === LF || ch === CR;
}

function skipLine(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== LF) i++;
  return i + 1;
}

/** Whether the line ends in a block scalar header (`key: |`, `- >-`, `key: |2+`) before any comment. */
function opensBlockScalar(text: string, lineStart: number, last: number): boolean {
  let j = last;
  while (j > lineStart && /[-+0-9]/.test(text[j])) j--;
  const indicator = text[j];
  if (indicator !== '|' && indicator !== '>') return false;
  if (j === lineStart) return true;
  const before = text.charCodeAt(j - 1);
  if (!isBlank(before)) return false;
  let k = j - 1;
  while (k > lineStart && isBlank(text.charCodeAt(k))) k--;
  if (text[k] === ':' || text[k] === '-') return true;
  // A tag or an anchor before the header (`key: !!str |`, `key: &text |`).
  let start = k;
  while (start > lineStart && !isBlank(text.charCodeAt(start - 1))) start--;
  return (text[start] === '!' || text[start] === '&') && opensBlockScalarPrefix(text, lineStart, start);
}

function opensBlockScalarPrefix(text: string, lineStart: number, tokenStart: number): boolean {
  let k = tokenStart - 1;
  while (k > lineStart && isBlank(text.charCodeAt(k))) k--;
  return k <= lineStart || text[k] === ':' || text[k] === '-';
}
