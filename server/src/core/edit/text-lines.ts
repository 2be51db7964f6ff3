import { LineIndex, type LineBreak } from '../parse/line-index';

/**
 * Line arithmetic on one document chunk, by offsets, for edits: computed on whole lines, so comments, blank lines
 * and the file's line breaks survive untouched around them. Lines are LineIndex's (LF, CRLF and a lone CR).
 */
export class TextLines {
  /** The line break new lines use: the file's own (CRLF files stay CRLF). */
  readonly eol: LineBreak;
  private readonly index: LineIndex;

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
    this.eol = this.index.eol;
  }

  lineStart(offset: number): number {
    return this.index.lineStart(this.index.lineAt(offset));
  }

  /** End of the line's content, before its line break. */
  lineEnd(offset: number): number {
    return this.index.lineEnd(this.index.lineAt(offset));
  }

  /** Start of the following line, or the end of the text on the last line. */
  nextLineStart(offset: number): number {
    const line = this.index.lineAt(offset);
    return line + 1 < this.index.lineCount ? this.index.lineStart(line + 1) : this.text.length;
  }

  /** Start of the previous line, or undefined on the first line. */
  previousLineStart(lineStart: number): number | undefined {
    return lineStart === 0 ? undefined : this.lineStart(lineStart - 1);
  }

  lineText(offset: number): string {
    return this.text.slice(this.lineStart(offset), this.lineEnd(offset));
  }

  column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** Spaces before the first character of the line. */
  indentOf(offset: number): number {
    const text = this.lineText(offset);
    return text.length - text.trimStart().length;
  }

  isBlank(offset: number): boolean {
    return this.lineText(offset).trim() === '';
  }

  isComment(offset: number): boolean {
    return this.lineText(offset).trimStart().startsWith('#');
  }

  /** True when only spaces (or a sequence dash) precede `offset` on its line. */
  startsLine(offset: number): boolean {
    return this.text.slice(this.lineStart(offset), offset).trim() === '';
  }

  /** Offset just past the last non-whitespace character at or before `end` (content end without trailing breaks). */
  trimEnd(end: number, floor = 0): number {
    let i = Math.min(end, this.text.length);
    while (i > floor && /\s/.test(this.text[i - 1])) i--;
    return i;
  }
}

/** Indents every non-blank line of a fragment; blank lines stay empty so no trailing spaces appear. */
export function indentLines(lines: readonly string[], indent: number): string[] {
  const pad = ' '.repeat(Math.max(0, indent));
  return lines.map((line) => (line.trim() === '' ? '' : pad + line));
}

/** Moves every non-blank line by `delta` columns (negative removes up to that many leading spaces). */
export function shiftLines(lines: readonly string[], delta: number): string[] {
  if (delta === 0) return [...lines];
  return lines.map((line) => {
    if (line.trim() === '') return '';
    if (delta > 0) return ' '.repeat(delta) + line;
    const spaces = line.length - line.trimStart().length;
    return line.slice(Math.min(spaces, -delta));
  });
}
