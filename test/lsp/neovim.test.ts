import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { it } from 'node:test';
import { serverPath } from './client';

const hasNeovim = spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;

interface NeovimDiagnostic {
  line: number;
  col: number;
  end_line: number;
  end_col: number;
  source: string;
  message: string;
  code: string;
}

// Neovim's built-in LSP client is a client we did not write: if it sees the same two diagnostics, any editor will.
it('a third-party LSP client (headless Neovim) gets exactly the two diagnostics of the bad pod', { skip: hasNeovim ? false : 'nvim is not installed (apt-get install neovim)' }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-nvim-'));
  const file = path.join(dir, 'bad-pod.yaml');
  fs.copyFileSync(path.resolve(__dirname, '..', 'fixtures', 'lsp', 'bad-pod.yaml'), file);
  const out = path.join(dir, 'diagnostics.json');
  const child = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${path.join(__dirname, 'neovim-client.lua')}`], {
    env: { ...process.env, SIDECAR_SERVER: serverPath, SIDECAR_FILE: file, SIDECAR_OUT: out, SIDECAR_NODE: process.execPath, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 0);
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as { ok: boolean; diagnostics: NeovimDiagnostic[] };
  assert.equal(result.ok, true);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const seen = result.diagnostics
    .map((d) => ({ code: d.code, source: d.source, line: d.line, text: lines[d.line].slice(d.col, d.end_col) }))
    .sort((a, b) => a.line - b.line);
  assert.deepEqual(seen, [
    { code: 'unknown-field', source: 'sidecar', line: 8, text: 'volumeMount' },
    { code: 'invalid-type', source: 'sidecar', line: 12, text: '"abc"' },
  ]);
  fs.rmSync(dir, { recursive: true, force: true });
});
