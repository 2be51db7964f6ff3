#!/usr/bin/env node
// Runs the same e2e suite in desktop VS Code via @vscode/test-electron. It downloads VS Code from
// Microsoft at run time, so it needs the internet and a display (or xvfb-run); offline machines and CI
// use run-code-server.mjs instead.
// Usage: node scripts/e2e/run-electron.mjs [--no-build]   Env: SIDECAR_E2E_VSCODE_VERSION (default 1.100.3)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './e2e-env.mjs';

if (!process.argv.includes('--no-build')) {
  const res = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

// A copy, because tests write settings (.vscode/settings.json) into the workspace.
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-e2e-'));
const workspace = path.join(runDir, 'workspace');
fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });

try {
  await runTests({
    // Same VS Code as the offline runner, so both runners see the same API.
    version: process.env.SIDECAR_E2E_VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust',
      '--user-data-dir', path.join(runDir, 'user-data'), '--extensions-dir', path.join(runDir, 'extensions')],
  });
  fs.rmSync(runDir, { recursive: true, force: true });
} catch (err) {
  console.error(`[e2e-electron] ${err instanceof Error ? err.message : String(err)} (run directory kept: ${runDir})`);
  process.exit(1);
}
