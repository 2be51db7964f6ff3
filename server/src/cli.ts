// sidecar-lint: the command-line linter over the language server's core. This file only parses arguments and
// does I/O (finding files, reading them, writing the report); linting and formatting live in core/cli.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import packageJson from '../../package.json';

// `repository` is optional in package.json: without it, help links point at the installed rule pages.
const repository: unknown = (packageJson as { repository?: unknown }).repository;
import {
  catalog,
  docsBaseUrl,
  exitCodeFor,
  formatJson,
  formatSarif,
  formatText,
  globBase,
  globToRegExp,
  hasGlobMagic,
  HELP,
  lintText,
  parseArguments,
  repositoryUrl,
  toSlashes,
  UsageError,
  versionRange,
  type CliOptions,
  type FileResult,
} from './core/cli';
import { findConfigFile, parseConfigFile, type ConfigSettings } from './core/config-file';
import { createLanguageService, type LanguageService } from './core/language-service';
import { LineIndex } from './core/parse/line-index';
import { defaultSettings, normalizeSettings, type Settings } from './core/settings';
import { closest } from './core/text/closest';

export const TOOL_NAME = 'sidecar-lint';
const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Files this large are not read at all (a string this long would exhaust memory); the core declines far smaller ones. */
const MAX_READ_BYTES = 64 * 1024 * 1024;

/** Everything the CLI touches outside itself, so tests can run `main` in-process. */
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
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
    stdoutIsTty: !!process.stdout.isTTY,
    stderrIsTty: !!process.stderr.isTTY,
  };
}

/** Runs the CLI; resolves with the exit code. Never throws for bad input: errors become messages and code 2. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${TOOL_NAME}: ${error.message}\nRun "${TOOL_NAME} --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.stdout(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout(`${packageJson.version}\n`);
    return 0;
  }
  const service = createLanguageService();
  const codes = catalog(service.rules);
  if (options.listRules) {
    io.stdout(listRules(codes));
    return 0;
  }
  const knownIds = codes.map((c) => c.id);
  for (const id of Object.keys(options.rules)) {
    if (!knownIds.includes(id)) {
      const suggestion = closest(id, knownIds);
      io.stderr(`${TOOL_NAME}: unknown rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}. Run "${TOOL_NAME} --list-rules".\n`);
      return 2;
    }
  }

  const docsBase = docsBaseUrl(repository, pathToFileURL(path.join(extensionRoot(), 'docs', 'rules')).href);
  const configs = new ConfigLoader(io, knownIds);
  if (options.configFile && !configs.load(path.resolve(io.cwd, options.configFile))) return 2;

  const inputs = options.inputs.length ? options.inputs : ['.'];
  const { files, missing } = expandInputs(inputs.filter((i) => i !== '-'), io.cwd);
  const results: FileResult[] = [];
  for (const { input, reason } of missing) results.push({ path: input, messages: [], skipped: false, error: reason });
  // Per folder: a repository of thousands of manifests looks its config files up once per folder, not per file.
  const settingsByFolder = new Map<string, Settings | undefined>();
  const settingsFor = (folder: string): Settings | undefined => {
    if (settingsByFolder.has(folder)) return settingsByFolder.get(folder);
    const configFile = options.configFile ? path.resolve(io.cwd, options.configFile) : findConfigFile(folder, (f) => fs.existsSync(f));
    const config = configFile ? configs.load(configFile) : {};
    const settings = config
      ? normalizeSettings({ kubernetesVersion: options.kubernetesVersion, rules: options.rules }, normalizeSettings(config, defaultSettings({ docsBaseUrl: docsBase })))
      : undefined;
    settingsByFolder.set(folder, settings);
    return settings;
  };

  if (inputs.includes('-')) {
    const name = options.stdinFilename ?? '<stdin>';
    const settings = settingsFor(io.cwd);
    if (!settings) return 2;
    try {
      const text = await io.readStdin();
      results.push({ path: name, ...lintText(service, text, settings) });
    } catch (error) {
      results.push({ path: name, messages: [], skipped: false, error: `Cannot read stdin: ${describeError(error)}` });
    }
  }

  const progress = new Progress(io, files.length);
  for (const file of files) {
    progress.tick(displayPath(file, io.cwd));
    const settings = settingsFor(path.dirname(file));
    if (!settings) {
      progress.done();
      return 2;
    }
    results.push(lintFile(service, file, io.cwd, settings));
  }
  progress.done();

  if (options.quiet) for (const result of results) result.messages = result.messages.filter((m) => m.severity === 'error');
  const kubernetesVersion = settingsFor(io.cwd)?.kubernetesVersion ?? defaultSettings().kubernetesVersion;
  const tool = { name: TOOL_NAME, version: packageJson.version };
  let report: string;
  switch (options.format) {
    case 'json':
      report = formatJson(results, tool, kubernetesVersion);
      break;
    case 'sarif':
      report = formatSarif(results, {
        tool: { ...tool, informationUri: repositoryUrl(repository) },
        catalog: codes,
        srcRoot: io.cwd,
        docsBaseUrl: docsBase,
      });
      break;
    default: {
      const color = options.color ?? (io.stdoutIsTty && !options.outputFile && io.env.NO_COLOR === undefined);
      report = formatText(results, { color });
    }
  }
  if (options.outputFile) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, options.outputFile), report);
    } catch (error) {
      io.stderr(`${TOOL_NAME}: cannot write ${options.outputFile}: ${describeError(error)}\n`);
      return 2;
    }
  } else {
    io.stdout(report);
  }
  return exitCodeFor(results, options.failOn);
}

function lintFile(service: LanguageService, file: string, cwd: string, settings: Settings): FileResult {
  const shown = displayPath(file, cwd);
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_READ_BYTES) {
      return {
        path: shown,
        absolutePath: file,
        text: '',
        skipped: false,
        messages: [
          {
            code: 'file-too-large',
            severity: 'info',
            message: `This file is ${(size / 1024 / 1024).toFixed(0)} MB, too large to lint; it was not read.`,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          },
        ],
      };
    }
    const text = fs.readFileSync(file, 'utf8');
    return { path: shown, absolutePath: file, ...lintText(service, text, settings) };
  } catch (error) {
    return { path: shown, absolutePath: file, messages: [], skipped: false, error: `Cannot read the file: ${describeError(error)}` };
  }
}

/** Reads each config file once; prints its problems; undefined when it cannot be used (exit code 2). */
class ConfigLoader {
  private readonly loaded = new Map<string, ConfigSettings | undefined>();

  constructor(
    private readonly io: CliIo,
    private readonly knownIds: readonly string[],
  ) {}

  load(file: string): ConfigSettings | undefined {
    if (this.loaded.has(file)) return this.loaded.get(file);
    let result: ConfigSettings | undefined;
    try {
      const text = fs.readFileSync(file, 'utf8');
      const config = parseConfigFile(text, this.knownIds);
      const lines = new LineIndex(text);
      for (const problem of config.problems) {
        const at = lines.positionAt(problem.start);
        this.io.stderr(`${displayPath(file, this.io.cwd)}:${at.line + 1}:${at.character + 1}  ${problem.severity}  ${problem.message}\n`);
      }
      result = config.problems.some((p) => p.severity === 'error') ? undefined : config.settings;
      if (!result) this.io.stderr(`${TOOL_NAME}: fix the configuration file ${displayPath(file, this.io.cwd)} first.\n`);
    } catch (error) {
      this.io.stderr(`${TOOL_NAME}: cannot read the configuration file ${displayPath(file, this.io.cwd)}: ${describeError(error)}\n`);
      result = undefined;
    }
    this.loaded.set(file, result);
    return result;
  }
}

/** Files named on the command line, YAML files under folders, and YAML files matching globs; sorted, unique. */
export function expandInputs(inputs: readonly string[], cwd: string): { files: string[]; missing: { input: string; reason: string }[] } {
  const files = new Set<string>();
  const missing: { input: string; reason: string }[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) {
      files.add(absolute);
    } else if (stat?.isDirectory()) {
      for (const file of walkYaml(absolute)) files.add(file);
    } else if (hasGlobMagic(input)) {
      const pattern = toSlashes(input);
      const base = globBase(pattern);
      const matcher = globToRegExp(pattern);
      const baseAbsolute = path.resolve(cwd, base);
      let found = 0;
      if (statOrUndefined(baseAbsolute)?.isDirectory()) {
        for (const file of walkYaml(baseAbsolute)) {
          const candidate = base === '.' ? toSlashes(path.relative(baseAbsolute, file)) : `${base.replace(/\/$/, '')}/${toSlashes(path.relative(baseAbsolute, file))}`;
          if (matcher.test(candidate.replace(/^\.\//, ''))) {
            files.add(file);
            found++;
          }
        }
      }
      if (found === 0) missing.push({ input, reason: 'No YAML file matches this glob.' });
    } else if (stat) {
      // A FIFO, socket or device: reading it could block forever.
      missing.push({ input, reason: 'Not a regular file or folder.' });
    } else {
      missing.push({ input, reason: 'No such file or folder.' });
    }
  }
  return { files: [...files].sort(), missing };
}

function* walkYaml(folder: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return; // An unreadable folder below the one named holds nothing we can lint.
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield* walkYaml(full);
    } else if (YAML_FILE.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && statOrUndefined(full)?.isFile()))) {
      // Symbolic links to folders are not followed: they can loop.
      yield full;
    }
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return toSlashes(relative && !path.isAbsolute(relative) ? relative : file);
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    const words: Record<string, string> = { ENOENT: 'it does not exist', EACCES: 'permission denied', EISDIR: 'it is a folder', EMFILE: 'too many open files' };
    return words[code] ?? `${code}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function listRules(codes: ReturnType<typeof catalog>): string {
  const width = Math.max(...codes.map((c) => c.id.length));
  const lines = codes.map((c) => {
    const versions = versionRange(c.versions);
    return `${c.id.padEnd(width)}  ${c.defaultSeverity.padEnd(7)}  ${c.kind.padEnd(6)}  ${c.summary}${versions ? ` (Kubernetes ${versions})` : ''}`;
  });
  return `${lines.join('\n')}\n`;
}

/** The folder that holds docs/ and schemas/: two up from server/out/cli.js, three up from server/src/cli.ts. */
function extensionRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'server'))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, '..', '..');
}

/** `[12/300] path` on one rewritten stderr line, only for a person watching a terminal and a long run. */
class Progress {
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
    this.io.stderr(`\r\u001b[K[${this.count}/${this.total}] ${file.length > 70 ? `…${file.slice(-69)}` : file}`);
  }

  done(): void {
    if (this.enabled) this.io.stderr('\r\u001b[K');
  }
}

if (require.main === module) {
  // `sidecar-lint … | head` closes the pipe early: stop quietly instead of dying with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug of ours, not the user's input: say so in one line, without a stack trace.
      process.stderr.write(`${TOOL_NAME}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
