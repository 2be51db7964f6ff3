import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { JsonReport } from '../../../server/src/cli';
import { toDiagnostic } from '../../../server/src/core/findings';
import { createLanguageService } from '../../../server/src/core/language-service';
import { defaultSettings } from '../../../server/src/core/settings';
import { ManifestCache } from '../../../server/src/lsp/documents';
import { fixturesDir } from '../helpers';
import { runCli } from './cli-io';

const project = path.join(fixturesDir, 'cli', 'project');

/** A scratch copy of the fixture project, so tests can add config files, unreadable files and node_modules. */
function scratchProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-cli-'));
  fs.cpSync(project, dir, { recursive: true });
  return dir;
}

function json(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

describe('sidecar-lint: inputs', () => {
  let dir: string;
  before(() => {
    dir = scratchProject();
    fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    fs.copyFileSync(path.join(dir, 'apps', 'pod.yml'), path.join(dir, 'node_modules', 'pkg', 'pod.yaml'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('recurses into folders, reads only .yaml/.yml, skips node_modules and reports non-Kubernetes YAML as skipped', async () => {
    const run = await runCli(['--format', 'json', '.'], { cwd: dir });
    const report = json(run.stdout);
    const paths = report.files.map((f) => f.path);
    assert.deepEqual(paths, [...paths].sort());
    assert.ok(paths.includes('apps/pod.yml') && paths.includes('apps/web.yaml') && paths.includes('nested/deeper/broken.yaml'));
    assert.ok(!paths.some((p) => p.endsWith('.txt')), 'a .txt file is not read');
    assert.ok(!paths.some((p) => p.includes('node_modules')), 'node_modules is not searched');
    const ci = report.files.find((f) => f.path === 'not-k8s/ci.yaml');
    assert.deepEqual(ci && { skipped: ci.skipped, messages: ci.messages.length }, { skipped: true, messages: 0 });
    assert.equal(report.summary.skippedFiles, 1);
    assert.equal(run.code, 1, 'schema errors fail the run by default');
  });

  it('expands globs itself, with ** and alternatives', async () => {
    const run = await runCli(['-f', 'json', 'apps/*.{yaml,yml}', '**/deeper/*.yaml'], { cwd: dir });
    assert.deepEqual(
      json(run.stdout).files.map((f) => f.path),
      ['apps/chart-template.yaml', 'apps/pod.yml', 'apps/web.yaml', 'nested/deeper/broken.yaml'],
    );
  });

  it('reads stdin with -, under the name given by --stdin-filename', async () => {
    const stdin = fs.readFileSync(path.join(project, 'apps', 'pod.yml'), 'utf8');
    const run = await runCli(['-f', 'json', '--stdin-filename', 'from-helm.yaml', '-'], { cwd: dir, stdin });
    const report = json(run.stdout);
    assert.equal(report.files.length, 1);
    assert.equal(report.files[0].path, 'from-helm.yaml');
    const unknown = report.files[0].messages.find((m) => m.ruleId === 'unknown-field');
    assert.deepEqual(unknown && [unknown.line, unknown.column], [15, 5]);
  });

  it('lints a file named explicitly whatever its extension', async () => {
    const run = await runCli(['-f', 'json', 'not-k8s/readme.txt'], { cwd: dir });
    const report = json(run.stdout);
    assert.ok(report.files[0].messages.some((m) => m.ruleId === 'yaml-syntax'));
  });
});

describe('sidecar-lint: exit codes', () => {
  let dir: string;
  before(() => (dir = scratchProject()));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('0 for a clean file, 1 for findings at --fail-on, 0 when they are below it', async () => {
    // A ConfigMap carries no pod, so no sidecar rule applies: its one finding is the schema's unknown-field.
    const typo = 'nested/configmap-typo.yaml';
    assert.equal((await runCli(['nested/clean.yaml'], { cwd: dir })).code, 0);
    assert.equal((await runCli([typo], { cwd: dir })).code, 1);
    assert.equal((await runCli([typo, '--fail-on', 'never'], { cwd: dir })).code, 0);
    assert.equal((await runCli([typo, '--rule', 'unknown-field=off'], { cwd: dir })).code, 0);
    assert.equal((await runCli([typo, '--rule', 'unknown-field=warning'], { cwd: dir })).code, 0);
    assert.equal((await runCli([typo, '--rule', 'unknown-field=warning', '--fail-on', 'warning'], { cwd: dir })).code, 1);
    assert.equal((await runCli([typo, '--rule', 'unknown-field=hint', '--fail-on', 'info'], { cwd: dir })).code, 0);
    assert.equal((await runCli([typo, '--rule', 'unknown-field=hint', '--fail-on', 'hint'], { cwd: dir })).code, 1);
    assert.equal((await runCli(['apps/pod.yml'], { cwd: dir })).code, 1);
  });

  it('2 for usage errors, with a message and no stack trace', async () => {
    for (const argv of [['--format', 'xml'], ['--bogus'], ['--rule', 'nonsense'], ['--rule', 'no-such-rule=off'], ['--kubernetes-version', '2.0'], ['--fail-on']]) {
      const run = await runCli(argv, { cwd: dir });
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, /^sidecar-lint: /);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('2 for a missing file or a file that cannot be read, reported in the output', async () => {
    const missing = await runCli(['-f', 'json', 'nope.yaml', 'nested/clean.yaml'], { cwd: dir });
    assert.equal(missing.code, 2);
    const report = json(missing.stdout);
    assert.match(report.files.find((f) => f.path === 'nope.yaml')?.error ?? '', /No such file/);
    assert.equal(report.files.find((f) => f.path === 'nested/clean.yaml')?.messages.length, 0, 'the other files are still linted');
    const glob = json((await runCli(['-f', 'json', 'nowhere/**/*.yaml'], { cwd: dir })).stdout);
    assert.match(glob.files[0].error ?? '', /No YAML file matches/);
    if (process.platform !== 'win32') {
      // A named pipe would block a reader forever: it is refused, not read.
      spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
      const fifo = await runCli(['-f', 'json', 'pipe.yaml'], { cwd: dir });
      assert.equal(fifo.code, 2);
      assert.match(json(fifo.stdout).files[0].error ?? '', /Not a regular file/);
    }

    const stdinFails = await runCli(['-'], { cwd: dir });
    assert.equal(stdinFails.code, 2);
    assert.match(stdinFails.stdout, /Cannot read stdin/);
  });

  it('reports a syntax error as a finding (exit 1), never a crash', async () => {
    const run = await runCli(['nested/deeper/broken.yaml', '--no-color'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^nested\/deeper\/broken\.yaml:8:\d+ {2}error {2}yaml-syntax {2}/m);
  });

  it('--help, --version and --list-rules print and exit 0', async () => {
    const help = await runCli(['--help'], { cwd: dir });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: sidecar-lint/);
    const version = await runCli(['--version'], { cwd: dir });
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const list = await runCli(['--list-rules'], { cwd: dir });
    const service = createLanguageService();
    for (const rule of service.rules) assert.match(list.stdout, new RegExp(`^${rule.id} `, 'm'));
    assert.match(list.stdout, /^unknown-field /m);
  });
});

describe('sidecar-lint: output', () => {
  let dir: string;
  before(() => (dir = scratchProject()));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('-o writes the report to a file and leaves stdout empty; an unwritable path is exit 2', async () => {
    const run = await runCli(['-f', 'sarif', '-o', 'out/report.sarif', 'apps'], { cwd: dir });
    assert.equal(run.code, 2, 'the folder out/ does not exist');
    assert.match(run.stderr, /cannot write out\/report\.sarif/);
    fs.mkdirSync(path.join(dir, 'out'));
    const written = await runCli(['-f', 'sarif', '-o', 'out/report.sarif', 'apps'], { cwd: dir, stdoutIsTty: true });
    assert.equal(written.code, 1);
    assert.equal(written.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'out', 'report.sarif'), 'utf8')).version, '2.1.0');
  });

  it('--quiet keeps errors only', async () => {
    const report = json((await runCli(['-f', 'json', '--quiet', 'apps/pod.yml'], { cwd: dir })).stdout);
    assert.ok(report.files[0].messages.length > 0);
    assert.ok(report.files[0].messages.every((m) => m.severity === 'error'));
  });

  it('colours only on a terminal (or with --color), progress only on a terminal stderr for long runs', async () => {
    const plain = await runCli(['apps/pod.yml'], { cwd: dir });
    assert.ok(!plain.stdout.includes('\u001b['));
    assert.ok((await runCli(['apps/pod.yml'], { cwd: dir, stdoutIsTty: true })).stdout.includes('\u001b['));
    assert.ok((await runCli(['apps/pod.yml', '--color'], { cwd: dir })).stdout.includes('\u001b['));
    assert.ok(!(await runCli(['apps/pod.yml', '--no-color'], { cwd: dir, stdoutIsTty: true })).stdout.includes('\u001b['));

    const many = path.join(dir, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i < 25; i++) fs.copyFileSync(path.join(dir, 'nested', 'clean.yaml'), path.join(many, `cm-${String(i).padStart(2, '0')}.yaml`));
    const tty = await runCli(['many'], { cwd: dir, stderrIsTty: true });
    assert.match(tty.stderr, /\[\d+\/25\] many\/cm-\d\d\.yaml/);
    assert.ok(tty.stderr.endsWith('\r\u001b[K'), 'the progress line is cleared at the end');
    assert.equal((await runCli(['many'], { cwd: dir })).stderr, '', 'no progress in CI logs');
  });
});

describe('sidecar-lint: settings', () => {
  let dir: string;
  before(() => (dir = scratchProject()));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses the nearest .sidecarlint.yaml above each file, and --rule over it', async () => {
    fs.writeFileSync(path.join(dir, 'apps', '.sidecarlint.yaml'), 'rules:\n  unknown-field: warning\n');
    const run = await runCli(['-f', 'json', 'apps/pod.yml', 'nested/bom-crlf.yaml'], { cwd: dir });
    const report = json(run.stdout);
    const pod = report.files.find((f) => f.path === 'apps/pod.yml');
    assert.equal(pod?.messages.find((m) => m.ruleId === 'unknown-field')?.severity, 'warning');
    const other = report.files.find((f) => f.path === 'nested/bom-crlf.yaml');
    assert.equal(other?.messages.find((m) => m.ruleId === 'invalid-enum')?.severity, 'error', 'a config file applies only below its folder');

    const flagged = json((await runCli(['-f', 'json', 'apps/pod.yml', '--rule', 'unknown-field=hint'], { cwd: dir })).stdout);
    assert.equal(flagged.files[0].messages.find((m) => m.ruleId === 'unknown-field')?.severity, 'hint');
  });

  it('--config names the file explicitly; a broken config is an error (exit 2) pointing at the line', async () => {
    const config = path.join(dir, 'strict.yaml');
    fs.writeFileSync(config, 'kubernetesVersion: "1.30"\nrules:\n  unknown-field: off\n');
    const run = await runCli(['-f', 'json', '--config', 'strict.yaml', 'apps/pod.yml'], { cwd: dir });
    const report = json(run.stdout);
    assert.equal(report.kubernetesVersion, '1.30');
    assert.ok(!report.files[0].messages.some((m) => m.ruleId === 'unknown-field'));

    fs.writeFileSync(config, 'rules:\n  unknown-field: loud\n');
    const broken = await runCli(['--config', 'strict.yaml', 'apps/pod.yml'], { cwd: dir });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /strict\.yaml:2:18 {2}error {2}Bad severity "loud"/);
  });

  it('--kubernetes-version reaches version-gated rules', async () => {
    const at = (version: string) => runCli(['-f', 'json', '-k', version, 'apps/pod.yml'], { cwd: dir }).then((r) => json(r.stdout));
    const old = await at('1.28');
    const current = await at('1.36');
    assert.equal(old.kubernetesVersion, '1.28');
    assert.notDeepEqual(
      old.files[0].messages.map((m) => m.ruleId),
      current.files[0].messages.map((m) => m.ruleId),
      'a native sidecar reads differently on 1.28 and on 1.36',
    );
  });
});

describe('sidecar-lint: same findings as the editor', () => {
  it('for every fixture file, the JSON findings equal the diagnostics of the LSP code path', async () => {
    const service = createLanguageService();
    const cache = new ManifestCache();
    const files = fs.readdirSync(project, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.ya?ml$/.test(e.name));
    assert.ok(files.length >= 6);
    const run = await runCli(['-f', 'json', '.'], { cwd: project });
    const report = json(run.stdout);
    for (const entry of files) {
      const absolute = path.join(entry.parentPath, entry.name);
      const relative = path.relative(project, absolute).split(path.sep).join('/');
      // What an editor sends: the text without its byte-order mark.
      const text = fs.readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
      const document = TextDocument.create(`file://${absolute}`, 'yaml', 1, text);
      const file = cache.get(document);
      const settings = defaultSettings({ docsBaseUrl: 'https://example.invalid/docs/' });
      const diagnostics = service.validator.validate(file, settings).map((f) => toDiagnostic(f, file.lineIndex));
      const fromEditor = diagnostics
        .map((d) => ({ code: String(d.code), severity: d.severity, message: d.message, range: d.range }))
        .sort(byPosition);
      const fromCli = (report.files.find((f) => f.path === relative)?.messages ?? [])
        .map((m) => ({
          code: m.ruleId,
          severity: ({ error: 1, warning: 2, info: 3, hint: 4 } as const)[m.severity],
          message: m.message,
          range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
        }))
        .sort(byPosition);
      assert.deepEqual(fromCli, fromEditor, relative);
    }
  });
});

function byPosition(a: { code: string; range: { start: { line: number; character: number } } }, b: typeof a): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
