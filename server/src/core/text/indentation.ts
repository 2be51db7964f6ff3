/**
 * How a YAML file indents: the unit (2 or 4 spaces, whatever the author chose) and whether block sequences
 * under a key are indented (`key:\n  - a`) or flush with the key (`key:\n- a`). Completion and quick fixes
 * insert text in the file's own style, so an inserted block never looks foreign or breaks the structure.
 */
export interface IndentationStyle {
  /** Spaces per nesting level. */
  unit: number;
  /** true: `- ` items sit one unit deeper than their key; false: at the key's column. */
  indentedSequences: boolean;
}

export const DEFAULT_INDENTATION: IndentationStyle = { unit: 2, indentedSequences: true };

/** Lines looked at: enough to see the style of any real manifest, bounded so huge files stay cheap. */
const MAX_LINES_SCANNED = 2000;

interface LineShape {
  indent: number;
  /** Content after the indentation. */
  content: string;
}

function shapeOf(line: string): LineShape | undefined {
  let indent = 0;
  while (indent < line.length && line.charCodeAt(indent) === 32) indent++;
  const content = line.slice(indent);
  if (content === '' || content.startsWith('#') || content.startsWith('\t')) return undefined;
  return { indent, content };
}

/** A line that opens a block: `key:` with nothing (or only a comment) after the colon. */
function opensBlock(content: string): boolean {
  // A plain key ends in a non-blank: a lazy key before `[ \t]*:` rescans the blanks ahead at every character.
  return /^(?:- )?(?:"[^"]*"|'[^']*'|[^\s#'"](?:[^#]*[^# \t])?)[ \t]*:[ \t]*(?:#.*)?$/.test(content) && !content.startsWith('---');
}

/**
 * Detects the indentation style from the text (a whole file or one document). Votes over every `key:` that
 * opens a nested block; ties and texts without nesting fall back to `fallback` (2 spaces and indented sequences
 * unless given; a function is called only when needed, e.g. to look at the rest of the file).
 */
export function detectIndentation(text: string, fallback: IndentationStyle | (() => IndentationStyle) = DEFAULT_INDENTATION): IndentationStyle {
  const unitVotes = new Map<number, number>();
  let indentedVotes = 0;
  let flushVotes = 0;
  let previous: LineShape | undefined;
  let scanned = 0;
  let lineStart = 0;
  while (lineStart <= text.length && scanned < MAX_LINES_SCANNED) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const raw = text.slice(lineStart, lineEnd);
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    lineStart = lineEnd + 1;
    scanned++;
    const shape = shapeOf(line);
    if (!shape) continue;
    if (previous && opensBlock(previous.content)) {
      // A `- key:` line opens its block relative to the key after the dash.
      const keyColumn = previous.content.startsWith('- ') ? previous.indent + 2 : previous.indent;
      const delta = shape.indent - keyColumn;
      if (shape.content.startsWith('- ') || shape.content === '-') {
        if (delta === 0) flushVotes++;
        else if (delta > 0) {
          indentedVotes++;
          vote(unitVotes, delta);
        }
      } else if (delta > 0) {
        vote(unitVotes, delta);
      }
    }
    previous = shape;
  }
  if (unitVotes.size === 0 && indentedVotes === 0 && flushVotes === 0) return typeof fallback === 'function' ? fallback() : fallback;
  let unit = DEFAULT_INDENTATION.unit;
  let best = 0;
  for (const [candidate, count] of unitVotes) {
    if (count > best || (count === best && candidate < unit)) {
      unit = candidate;
      best = count;
    }
  }
  return { unit, indentedSequences: flushVotes > indentedVotes ? false : true };
}

function vote(votes: Map<number, number>, delta: number): void {
  // Units beyond 8 are accidents (a pasted block), not a style.
  if (delta > 8) return;
  votes.set(delta, (votes.get(delta) ?? 0) + 1);
}

/** `count` spaces. */
export function spaces(count: number): string {
  return ' '.repeat(Math.max(0, count));
}

/** The column of the first non-space character of `line` (its length when it is blank). */
export function indentOf(line: string): number {
  let indent = 0;
  while (indent < line.length && line.charCodeAt(indent) === 32) indent++;
  return indent;
}

/** Column of a sequence's `- ` items under a key at `keyColumn`, in this style. */
export function sequenceItemColumn(keyColumn: number, style: IndentationStyle): number {
  return style.indentedSequences ? keyColumn + style.unit : keyColumn;
}

/**
 * Re-indents a block written with 2-space units and indented sequences (how snippets and templates are
 * authored) into the file's style, then shifts every line after the first by `baseColumn` (the first line is
 * inserted at the cursor, which already sits at its column). The content of a `- ` item always starts two
 * columns after its dash, whatever the unit, as YAML requires.
 */
export function reindentBlock(block: string, style: IndentationStyle, baseColumn = 0, eol = '\n'): string {
  interface Frame {
    src: number;
    dst: number;
    keySrc: number;
    keyDst: number;
  }
  const stack: Frame[] = [];
  const out: string[] = [];
  const lines = block.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      out.push('');
      continue;
    }
    const src = indentOf(line);
    const isItem = line.startsWith('- ', src) || line.slice(src) === '-';
    while (stack.length && stack[stack.length - 1].src > src) stack.pop();
    const top = stack[stack.length - 1];
    let dst: number;
    if (!top) dst = 0;
    else if (top.src === src) {
      dst = top.dst;
      stack.pop();
    } else if (top.keySrc === src) dst = top.keyDst;
    else dst = top.keyDst + (isItem && !style.indentedSequences ? 0 : style.unit);
    stack.push({ src, dst, keySrc: src + (isItem ? 2 : 0), keyDst: dst + (isItem ? 2 : 0) });
    out.push(spaces(dst + (i === 0 ? 0 : baseColumn)) + line.slice(src));
  }
  return out.join(eol);
}
