import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { JsonReport } from '../../server/src/cli';
import { LspClient } from './client';

// The built CLI (server/out/cli.js, what `npx sidecar-lint` runs) and the built server must report the same
// findings for the same files: same parser, validator, rules and ranges.
const repoRoot = path.resolve(__dirname, '..', '..');
const cliPath = path.join(repoRoot, 'server', 'out', 'cli.js');
// PARITY_DIR=<folder> runs the same comparison on any folder (e.g. the shared corpus of real manifests).
const project = process.env.PARITY_DIR ? path.resolve(process.env.PARITY_DIR) : path.join(repoRoot, 'test', 'fixtures', 'cli', 'project');
const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

interface Comparable {
  code: string;
  severity: number | undefined;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function sorted(items: Comparable[]): Comparable[] {
  return items.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));
}

describe('the built sidecar-lint as a shell command', () => {
  it('stops quietly when its reader closes the pipe early (sidecar-lint … | head)', async () => {
    // Far more output than a pipe buffers (64 KB), so the CLI is still writing when the reader goes away.
    const many = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-epipe-'));
    const pod = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'cli', 'project', 'apps', 'pod.yml'));
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(many, `pod-${i}.yaml`), pod);
    const child = spawn(process.execPath, [cliPath, '.'], { cwd: many, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once('close', (status) => resolve(status)));
    assert.doesNotMatch(stderr, /EPIPE|\n\s+at /, stderr);
    fs.rmSync(many, { recursive: true, force: true });
    assert.ok(code === 0 || code === 1, `exit ${code}`);
  });

  it('runs as an executable with a shebang, as npx does', () => {
    const run = spawnSync(cliPath, ['--version'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

describe('sidecar-lint prints what the editor shows', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient({ configuration: {} });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
  });

  it('for every YAML file of the fixture project: the CLI JSON equals the server diagnostics', async () => {
    const run = spawnSync(process.execPath, [cliPath, '--format', 'json', '.'], { cwd: project, encoding: 'utf8' });
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
    if (!process.env.PARITY_DIR) assert.equal(run.status, 1, 'the fixtures hold errors');
    const report = JSON.parse(run.stdout) as JsonReport;
    const files = report.files.filter((f) => !f.error);
    assert.ok(files.length >= (process.env.PARITY_DIR ? 1 : 6));
    for (const file of files) {
      const absolute = path.join(project, file.path);
      // Editors drop a byte-order mark when they load a file; the CLI does the same.
      const text = fs.readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
      const diagnostics = await client.open(pathToFileURL(absolute).href, text);
      const fromServer = sorted(diagnostics.map((d) => ({ code: String(d.code), severity: d.severity, message: d.message, range: d.range })));
      const fromCli = sorted(
        file.messages.map((m) => ({
          code: m.ruleId,
          severity: SEVERITY[m.severity],
          message: m.message,
          range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
        })),
      );
      assert.deepEqual(fromCli, fromServer, file.path);
    }
  });
});
