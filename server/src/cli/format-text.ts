import type { Severity } from '../core/settings';
import { printable } from './io';
import { summarize, type FileResult, type LintMessage } from './lint';

export interface TextFormatOptions {
  color: boolean;
  /** Lines of context above and below the finding's line in the code frame. */
  contextLines?: number;
  /** Leave out the code frames (one line per finding). */
  frames?: boolean;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  cyan: '\u001b[36m',
  green: '\u001b[32m',
} as const;

const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.blue, hint: ANSI.dim };

/**
 * `file:line:col  severity  rule-id  message`, then a code frame with a caret underline in the manner of eslint's
 * codeframe formatter. Lines and columns are 1-based, columns count UTF-16 units like the editor's.
 */
export function formatText(results: readonly FileResult[], options: TextFormatOptions): string {
  return [...textChunks(results, options)].join('');
}

/** The report a line (or a code frame) at a time, each piece ending in a line break: for any number of findings. */
export function* textChunks(results: readonly FileResult[], options: TextFormatOptions): Generator<string> {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${ANSI.reset}` : text);
  // Each argument is one output line.
  const out = (...lines: string[]): string[] => lines.map((line) => `${line}\n`);
  for (const result of results) {
    if (result.error) {
      yield* out(`${paint(ANSI.bold, printable(result.path))}  ${paint(SEVERITY_COLOR.error, 'error')}  ${printable(result.error)}`, '');
      continue;
    }
    if (result.messages.length === 0) continue;
    // One heading per file, then its findings (each line still starts with path:line:col, which terminals link).
    yield* out(paint(ANSI.bold, `${printable(result.path)} (${countWords(result.messages)})`));
    let lines: string[] | undefined;
    for (const message of result.messages) {
      const { line, character } = message.range.start;
      yield* out(
        `${paint(ANSI.bold, `${printable(result.path)}:${line + 1}:${character + 1}`)}  ${paint(SEVERITY_COLOR[message.severity], message.severity)}  ${paint(ANSI.dim, message.code)}  ${printable(message.message)}`,
      );
      if (options.frames !== false && result.text !== undefined) {
        // Split once per file, not once per message (a file with thousands of findings was quadratic).
        lines ??= splitLines(result.text);
        yield* out(codeFrame(lines, message, options.contextLines ?? 2, paint));
        yield* out('');
      }
    }
    if (options.frames === false) yield* out('');
  }
  const byRule = ruleSummary(results, paint);
  if (byRule) yield* out(byRule, '');
  yield* out(summaryLine(results, paint));
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

function countWords(messages: readonly LintMessage[]): string {
  return SEVERITIES.map((severity) => [severity, messages.filter((m) => m.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity === 'info' ? 'info' : plural(count, severity)}`)
    .join(', ');
}

/** Findings per rule, most first: which rules a run is about, at a glance. */
function ruleSummary(results: readonly FileResult[], paint: (code: string, text: string) => string): string | undefined {
  const byRule = new Map<string, LintMessage[]>();
  // Appended in place: copying the list per message was quadratic, which the uncapped CLI reaches (30,000
  // duplicate keys in a 300 KB file took 10 s).
  for (const result of results) {
    for (const message of result.messages) {
      const list = byRule.get(message.code);
      if (list) list.push(message);
      else byRule.set(message.code, [message]);
    }
  }
  if (byRule.size === 0) return undefined;
  const rows = [...byRule].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const width = Math.max(...rows.map(([code]) => code.length));
  return [paint(ANSI.bold, 'By rule:'), ...rows.map(([code, messages]) => `  ${code.padEnd(width)}  ${countWords(messages)}`)].join('\n');
}

function summaryLine(results: readonly FileResult[], paint: (code: string, text: string) => string): string {
  const summary = summarize(results);
  const { error, warning, info, hint } = summary.counts;
  const total = error + warning + info + hint;
  const files = `${summary.checkedFiles} ${plural(summary.checkedFiles, 'file')} checked` +
    (summary.skippedFiles ? `, ${summary.skippedFiles} skipped (not Kubernetes)` : '') +
    (summary.unreadableFiles ? `, ${summary.unreadableFiles} unreadable` : '');
  if (total === 0 && summary.unreadableFiles === 0) return paint(ANSI.green, `✔ no problems (${files})`);
  const parts = [`${error} ${plural(error, 'error')}`, `${warning} ${plural(warning, 'warning')}`];
  if (info) parts.push(`${info} info`);
  if (hint) parts.push(`${hint} ${plural(hint, 'hint')}`);
  const color = error || summary.unreadableFiles ? ANSI.red : warning ? ANSI.yellow : ANSI.blue;
  return paint(color, `✖ ${total} ${plural(total, 'problem')} (${parts.join(', ')}) in ${files}`);
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

/**
 * The finding's line with a few lines around it, a `>` gutter mark and a caret underline. A range that spans
 * lines is underlined to the end of its first line.
 */
export function codeFrame(
  text: string | readonly string[],
  message: Pick<LintMessage, 'range' | 'severity'>,
  contextLines: number,
  paint: (code: string, text: string) => string = (_code, t) => t,
): string {
  const lines = typeof text === 'string' ? splitLines(text) : text;
  const target = Math.min(message.range.start.line, lines.length - 1);
  const first = Math.max(0, target - contextLines);
  const last = Math.min(lines.length - 1, target + contextLines);
  const width = String(last + 1).length;
  // A minified line can be megabytes long: show a window of it around the finding, never the whole line.
  const start = Math.min(message.range.start.character, lines[target].length);
  const from = lines[target].length <= MAX_FRAME_COLUMNS ? 0 : Math.max(0, start - FRAME_LEAD);
  const frame: string[] = [];
  for (let i = first; i <= last; i++) {
    const number = String(i + 1).padStart(width);
    const content = printable(clip(lines[i], from));
    if (i === target) {
      frame.push(`${paint(ANSI.red, '>')} ${paint(ANSI.dim, `${number} |`)} ${content}`);
      const end = message.range.end.line === target ? Math.min(message.range.end.character, lines[i].length) : lines[i].length;
      const shown = clip(lines[i], from);
      const offset = from > 0 ? 1 - from : 0; // the leading "…" takes one column
      const caretStart = Math.min(start + offset, shown.length);
      const padding = printable(shown.slice(0, caretStart)).replace(/[^\t]/g, ' ');
      const carets = '^'.repeat(Math.max(1, Math.min(end + offset, shown.length) - caretStart));
      frame.push(`  ${paint(ANSI.dim, `${' '.repeat(width)} |`)} ${padding}${paint(SEVERITY_COLOR[message.severity], carets)}`);
    } else {
      frame.push(`  ${paint(ANSI.dim, `${number} |`)} ${content}`);
    }
  }
  return frame.join('\n');
}

/** Longest line a code frame prints whole; longer ones are cut to this many columns around the finding. */
export const MAX_FRAME_COLUMNS = 160;
const FRAME_LEAD = 40;

/** `line` from column `from`, at most MAX_FRAME_COLUMNS wide, with "…" where text was cut. */
function clip(line: string, from: number): string {
  if (line.length <= MAX_FRAME_COLUMNS) return line;
  const head = from > 0 ? '…' : '';
  const room = MAX_FRAME_COLUMNS - head.length - 1;
  const body = line.slice(from, from + room);
  return `${head}${body}${from + room < line.length ? '…' : ''}`;
}
