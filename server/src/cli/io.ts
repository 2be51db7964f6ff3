// What the CLI touches outside itself (streams, working folder, environment), and how it names files and errors.
import * as path from 'path';
import { toSlashes } from '../glob';

export const TOOL_NAME = 'sidecar-lint';

/** Everything the CLI touches outside itself, so tests can run `main` in-process. */
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  /** stdin as it arrives, for inputs of any size (`helm template … | sidecar-lint -`); readStdin when absent. */
  stdinChunks?(): AsyncIterable<string>;
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
        process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        process.stdin.on('error', reject);
      }),
    stdinChunks: () => process.stdin.setEncoding('utf8') as AsyncIterable<string>,
    stdoutIsTty: !!process.stdout.isTTY,
    stderrIsTty: !!process.stderr.isTTY,
  };
}

/**
 * Text from a file, a path or a config problem as it may reach a terminal or a CI log: C0 and C1 controls
 * (U+0080–U+009F: a C1 CSI or OSC drives the terminal like ESC does) and bidirectional overrides and isolates
 * (which reorder what a reader sees) each become one replacement character, so columns still line up. Tab stays.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
}

/** `[12/300] path` on one rewritten stderr line, only for a person watching a terminal and a long run. */
export class Progress {
  private readonly enabled: boolean;
  private count = 0;
  private lastDraw = 0;

  constructor(
    private readonly io: CliIo,
    private readonly total: number,
  ) {
    this.enabled = io.stderrIsTty && total >= 20;
  }

  tick(file: string): void {
    this.count++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && this.count < this.total) return;
    this.lastDraw = now;
    this.io.stderr(`\r\u001b[K[${this.count}/${this.total}] ${printable(file.length > 70 ? `…${file.slice(-69)}` : file)}`);
  }

  done(): void {
    if (this.enabled) this.io.stderr('\r\u001b[K');
  }
}

/** Relative to the working folder when the file is below it; else the absolute path (never `../../…`). */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const below = relative !== '' && !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
  return toSlashes(below ? relative : file);
}

export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    const words: Record<string, string> = { ENOENT: 'it does not exist', EACCES: 'permission denied', EISDIR: 'it is a folder', EMFILE: 'too many open files' };
    return words[code] ?? `${code}`;
  }
  return error instanceof Error ? error.message : String(error);
}
