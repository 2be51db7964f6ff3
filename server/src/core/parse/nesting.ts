/**
 * How deep a document may nest before we refuse to parse it. The `yaml` parser recurses once per level and runs
 * out of stack near 1,000 levels (`[[[[…`, `- - - …` or ever deeper indentation are all cheap to write); real
 * Kubernetes manifests stay below 30. Refusing early gives one clear diagnostic instead of a parser error per
 * level, and keeps every later recursive walk (toJS, schema validation, features) far from the stack limit.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * An estimate of nesting depth in one pass, without parsing: indentation levels, `- ` sequence markers and
 * flow brackets outside quotes and comments. It can over-count only for brackets inside plain scalars or block
 * scalars, which would take hundreds of unbalanced brackets to matter. Returns the offset where the depth first
 * exceeds `limit`, or -1.
 */
export function findExcessiveNesting(text: string, limit = MAX_NESTING_DEPTH): number {
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    let column = 0;
    while (i < length && text.charCodeAt(i) === 32 /* space */) {
      i++;
      column++;
    }
    const first = text.charCodeAt(i);
    const blank = i >= length || first === 10 || first === 13 || first === 35; /* \n \r # */
    if (flow === 0 && !blank) {
      while (indents.length && indents[indents.length - 1] >= column) indents.pop();
      indents.push(column);
    }
    let depth = indents.length + flow;
    const lineStart = i;
    let quote = 0;
    let leading = true;
    for (; i < length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || ch === 13) break;
      if (quote) {
        if (ch === 92 /* \ */ && quote === 34) i++;
        else if (ch === quote) quote = 0;
        continue;
      }
      if (leading && ch === 45 /* - */ && (i + 1 >= length || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)) {
        depth++;
      } else if (ch === 91 /* [ */ || ch === 123 /* { */) {
        flow++;
        depth++;
        leading = false;
      } else if (ch === 93 /* ] */ || ch === 125 /* } */) {
        if (flow > 0) flow--;
        leading = false;
      } else if (ch === 34 /* " */ || ch === 39 /* ' */) {
        quote = ch;
        leading = false;
      } else if (ch === 35 /* # */ && (i === lineStart || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) {
        while (i + 1 < length && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
      } else if (ch !== 32 && ch !== 9) {
        leading = false;
      }
      if (depth > limit) return i;
    }
    if (depth > limit) return Math.min(i, length - 1);
    i++; // the line break (a CRLF's \n starts an empty line, which changes nothing)
  }
  return -1;
}
