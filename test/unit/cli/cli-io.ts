import { main, type CliIo } from '../../../server/src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Each io.stdout call's length, in order: the report is written in blocks. */
  writes: number[];
}

/** Runs the CLI in-process with captured output, as a terminal-less CI job would. */
export async function runCli(argv: string[], options: { cwd: string; stdin?: string; stderrIsTty?: boolean; stdoutIsTty?: boolean }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const writes: number[] = [];
  const io: CliIo = {
    cwd: options.cwd,
    env: {},
    stdout: (text) => {
      writes.push(text.length);
      stdout += text;
    },
    stderr: (text) => (stderr += text),
    readStdin: () => (options.stdin === undefined ? Promise.reject(new Error('stdin is closed')) : Promise.resolve(options.stdin)),
    stdoutIsTty: options.stdoutIsTty ?? false,
    stderrIsTty: options.stderrIsTty ?? false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, writes };
}
