/**
 * Line arithmetic on one document chunk. Edits are computed on whole lines, so comments, blank lines and the
 * file's line breaks survive untouched around them.
 */
export class TextLines {
  /** The line break new lines use: the file's own (CRLF files stay CRLF). */
  readonly eol: string;

  constructor(readonly text: string) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  lineStart(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    if (clamped === 0) return 0;
    return this.text.lastIndexOf('\n', clamped - 1) + 1;
  }

  /** End of the line's content, before its line break. */
  lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', Math.max(0, offset));
    const end = newline < 0 ? this.text.length : newline;
    return end > 0 && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  }

  /** Start of the following line, or the end of the text on the last line. */
  nextLineStart(offset: number): number {
    const newline = this.text.indexOf('\n', Math.max(0, offset));
    return newline < 0 ? this.text.length : newline + 1;
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
