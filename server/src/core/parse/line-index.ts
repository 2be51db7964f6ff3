import type { Position, Range } from 'vscode-languageserver-types';

export type LineBreak = '\n' | '\r\n' | '\r';

/** Splits text into lines the way LineIndex counts them: `\r\n`, `\r` and `\n` each end a line. */
export const LINE_BREAK = /\r\n|\r|\n/;

/** The line break a text uses, for new lines: its first one (`\n` for a text without any). */
export function detectEol(text: string): LineBreak {
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  const lf = text.indexOf('\n');
  if (lf >= 0 && lf < cr) return '\n';
  return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
}

/**
 * The core's one line arithmetic: offset <-> line, and offset <-> LSP position, for one text. A line ends at
 * `\n`, `\r\n` or a lone `\r`, as LSP defines line breaks (the client counts lines the same way), and positions
 * are UTF-16 based like JavaScript strings. Built once per text version; editing, completion and suppressions
 * read lines through it too, so they cannot disagree about where a line ends.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // Built on every version of the file: indexOf is many times faster than a per-character loop, which keeps
      // keystrokes in a 50,000-line file (and declined 20 MB files) cheap.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 10 /* \n */) starts.push(i + 1);
        else if (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line break new lines use: the file's own (see detectEol). */
  get eol(): LineBreak {
    return detectEol(this.text);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** End of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The 0-based line that holds `offset` (clamped to the text); an offset inside a CRLF belongs to its line. */
  lineAt(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    // An offset between \r and \n belongs to the end of the line, not to a column past it.
    const character = Math.min(clamped, this.lineEnd(line)) - this.lineStarts[line];
    return { line, character: Math.max(0, character) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
