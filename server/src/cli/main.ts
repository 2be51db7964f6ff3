// sidecar-lint: the command-line linter over the language server's core. This file parses arguments, loads
// settings per folder and writes the report; files.ts finds and reads files, config-loader.ts reads config files,
// lint.ts and the format-*.ts files turn core findings into reports.
import * as fs from 'fs';
import * as path from 'path';
import { StreamLinter } from './stream';
import { pathToFileURL } from 'url';
import packageJson from '../../../package.json';
import { findConfigFile } from '../config-lookup';
import { docPage } from '../core/codes';
import { createLanguageService } from '../core/language-service';
import { defaultSettings, normalizeSettings, type Settings } from '../core/settings';
import { closest } from '../core/text/closest';
import { catalog, versionRange } from './catalog';
import { ConfigLoader } from './config-loader';
import { docsBaseUrl, repositoryUrl } from './docs-url';
import { expandInputs, indexInputs, lintFile } from './files';
import { isOverlayFolder, kustomizeContext, lintOverlay } from './kustomize';
import { KustomizeCache } from '../core/features/kustomize/cache';
import { diskHost } from '../disk-host';
import { jsonReportChunks } from './format-json';
import { sarifChunks } from './format-sarif';
import { textChunks } from './format-text';
import { blocks } from './json-chunks';
import { describeError, displayPath, printable, processIo, Progress, TOOL_NAME, type CliIo } from './io';
import { exitCodeFor, reaches, type FileResult } from './lint';
import { HELP, parseArguments, UsageError, type CliOptions } from './options';

export { TOOL_NAME, type CliIo } from './io';

// `repository` is optional in package.json: without it, help links point at the installed rule pages.
const repository: unknown = (packageJson as { repository?: unknown }).repository;

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${TOOL_NAME}: ${printable(error.message)}\nRun "${TOOL_NAME} --help" for usage.\n`);
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
  const codes = catalog([...service.rules, ...service.compose.rules]);
  if (options.listRules) {
    io.stdout(listRules(codes));
    return 0;
  }
  const knownIds = codes.map((c) => c.id);
  for (const id of Object.keys(options.rules)) {
    if (!knownIds.includes(id)) {
      const suggestion = closest(id, knownIds);
      io.stderr(`${TOOL_NAME}: unknown rule "${printable(id)}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}. Run "${TOOL_NAME} --list-rules".\n`);
      return 2;
    }
  }

  const docsBase = docsBaseUrl(repository, pathToFileURL(path.join(extensionRoot(), 'docs', 'rules')).href);
  const configs = new ConfigLoader(io, knownIds);
  if (options.configFile && !configs.load(path.resolve(io.cwd, options.configFile))) return 2;

  const inputs = options.inputs.length ? options.inputs : ['.'];
  // A folder with a kustomization is linted as kustomize renders it (unless --no-kustomize).
  // One cache for the run: each kustomization and base is read and rendered once, however many patches use it.
  const kustomize = new KustomizeCache();
  const host = kustomize.wrap(diskHost());
  const isOverlay = (input: string) => !options.noKustomize && input !== '-' && isOverlayFolder(path.resolve(io.cwd, input), host);
  const overlays = inputs.filter(isOverlay).map((input) => path.resolve(io.cwd, input));
  const { files, missing } = expandInputs(inputs.filter((i) => i !== '-' && !isOverlay(i)), io.cwd, { followSymlinks: options.followSymlinks, excludes: options.excludes, gitignore: options.gitignore });
  const results: FileResult[] = [];
  for (const { input, reason } of missing) results.push({ path: input, messages: [], skipped: false, error: reason });
  // Per folder: a repository of thousands of manifests looks its config files up once per folder, not per file.
  const settingsByFolder = new Map<string, Settings | undefined>();
  const settingsFor = (folder: string): Settings | undefined => {
    if (settingsByFolder.has(folder)) return settingsByFolder.get(folder);
    const configFile = options.configFile ? path.resolve(io.cwd, options.configFile) : findConfigFile(folder, (f) => fs.existsSync(f), configBoundary(folder, io.cwd), isRepositoryRoot);
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
      const linter = new StreamLinter(service, settings, name);
      if (io.stdinChunks) for await (const chunk of io.stdinChunks()) linter.push(chunk);
      else linter.push(await io.readStdin());
      results.push({ path: name, ...linter.end() });
    } catch (error) {
      results.push({ path: name, messages: [], skipped: false, error: `Cannot read stdin: ${describeError(error)}` });
    }
  }

  // One workspace of all inputs, so references are checked across files (stdin and overlays are checked alone).
  const workspace = indexInputs(service, files);
  const progress = new Progress(io, files.length + overlays.length);
  for (const folder of overlays) {
    progress.tick(displayPath(folder, io.cwd));
    const settings = settingsFor(folder);
    if (!settings) {
      progress.done();
      return 2;
    }
    results.push(...lintOverlay(service, folder, io.cwd, settings, host));
  }
  for (const file of files) {
    progress.tick(displayPath(file, io.cwd));
    const settings = settingsFor(path.dirname(file));
    if (!settings) {
      progress.done();
      return 2;
    }
    results.push(lintFile(service, file, io.cwd, settings, options.noKustomize ? undefined : kustomizeContext(file, io.cwd, diskHost(), kustomize), workspace));
  }
  progress.done();

  for (const result of results) result.messages = result.messages.filter((m) => reaches(m.severity, options.minSeverity));
  const kubernetesVersion = settingsFor(io.cwd)?.kubernetesVersion ?? defaultSettings().kubernetesVersion;
  const tool = { name: TOOL_NAME, version: packageJson.version };
  // The report is written in blocks, never built as one string: millions of findings (a 100 MB helm template
  // stream with default rules gave ~900k) would pass V8's string length limit.
  let report: Iterable<string>;
  switch (options.format) {
    case 'json':
      report = jsonReportChunks(results, tool, kubernetesVersion);
      break;
    case 'sarif':
      report = sarifChunks(results, {
        tool: { ...tool, informationUri: repositoryUrl(repository) },
        catalog: codes,
        srcRoot: io.cwd,
        docsBaseUrl: docsBase,
        helpMarkdown: (id) => readDocPage(path.join(extensionRoot(), 'docs', docPage(id))),
      });
      break;
    default: {
      const color = options.color ?? (io.stdoutIsTty && !options.outputFile && io.env.NO_COLOR === undefined);
      report = textChunks(results, { color });
    }
  }
  if (options.outputFile) {
    try {
      const fd = fs.openSync(path.resolve(io.cwd, options.outputFile), 'w');
      try {
        for (const block of blocks(report)) fs.writeSync(fd, block);
      } finally {
        fs.closeSync(fd);
      }
    } catch (error) {
      io.stderr(`${TOOL_NAME}: cannot write ${printable(options.outputFile)}: ${printable(describeError(error))}\n`);
      return 2;
    }
  } else {
    for (const block of blocks(report)) io.stdout(block);
  }
  const code = exitCodeFor(results, options.failOn);
  const warnings = results.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'warning').length, 0);
  if (code === 0 && options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`${TOOL_NAME}: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return code;
}

function listRules(codes: ReturnType<typeof catalog>): string {
  const width = Math.max(...codes.map((c) => c.id.length));
  const lines = codes.map((c) => {
    const versions = versionRange(c.versions);
    return `${c.id.padEnd(width)}  ${c.defaultSeverity.padEnd(7)}  ${c.kind.padEnd(6)}  ${c.summary}${versions ? ` (Kubernetes ${versions})` : ''}`;
  });
  return `${lines.join('\n')}\n`;
}

function readDocPage(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The folder that holds docs/ and schemas/: two up from server/out/cli.js, three up from server/src/cli/main.ts. */
function extensionRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'server'))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, '..', '..');
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
      process.stderr.write(`${TOOL_NAME}: internal error: ${printable(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = 2;
    },
  );
}

/** The working folder bounds the config lookup for files below it (a config above it is not this run's). */
function configBoundary(folder: string, cwd: string): string | undefined {
  const relative = path.relative(cwd, folder);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : cwd;
}

/** A folder with `.git` is a repository root: a config in a folder above it belongs to something else. */
function isRepositoryRoot(folder: string): boolean {
  return fs.existsSync(path.join(folder, '.git'));
}
