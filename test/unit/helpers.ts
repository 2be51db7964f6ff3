import * as fs from 'fs';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');

export function readFixture(...parts: string[]): string {
  return fs.readFileSync(path.join(fixturesDir, ...parts), 'utf8');
}

/** Splits text at a `|` caret marker: returns the text without it and the caret's offset. */
export function caret(textWithCaret: string, marker = '|'): { text: string; offset: number } {
  const offset = textWithCaret.indexOf(marker);
  if (offset < 0) throw new Error('no caret marker in text');
  return { text: textWithCaret.slice(0, offset) + textWithCaret.slice(offset + marker.length), offset };
}

/** The text a [start, end) range covers, for readable assertions. */
export function slice(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** mulberry32: a tiny seeded PRNG, so every case is reproducible from (seed, case index). */
export function prng(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
