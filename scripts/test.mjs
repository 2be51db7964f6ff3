#!/usr/bin/env node
// `npm test`: every test of the project, in order of cost. Builds first (the LSP, browser and VS Code tests drive
// the bundles), then: core unit tests, the server over stdio, the webview in chromium, the extension in a real
// VS Code (code-server, installed on first use by scripts/e2e/install.mjs). Ends with one "N passed, N failed" line
// that also names every skipped test and why (e.g. the Neovim client test where nvim is not installed).
// Usage: node scripts/test.mjs [unit|lsp|browser|e2e ...]   (default: all)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2);
const stages = wanted.length ? wanted : ['unit', 'lsp', 'browser', 'e2e'];
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];
/** Skipped tests with their reasons, named in the summary line so a skip is never silent. */
const skips = [];

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

function filesUnder(dir, pattern) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

/** Runs node's test runner on files: spec output for people, a TAP copy to count results. */
function nodeTests(stage, files, extraArgs = []) {
  if (!files.length) {
    console.log(`\n[test] ${stage}: no test files`);
    return;
  }
  console.log(`\n[test] ${stage}: ${files.length} files`);
  const tap = path.join(os.tmpdir(), `sidecar-${stage}-${process.pid}.tap`);
  const status = run(process.execPath, [
    '--import', 'tsx',
    '--test', '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...extraArgs,
    ...files,
  ]);
  const text = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
  fs.rmSync(tap, { force: true });
  const count = (name) => Number((new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text) ?? [])[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped');
  for (const m of text.matchAll(/^\s*ok \d+ - (.*?) # SKIP(?: (.*))?$/gm)) skips.push(`${stage}: ${m[1]}${m[2] ? ` (${m[2]})` : ''}`);
  if (status !== 0) {
    failedStages.push(stage);
    if (!count('fail') && !count('cancelled')) totals.failed += 1; // a crash before any test reported
  }
}

if (run(process.execPath, ['scripts/build.mjs']) !== 0) {
  console.error('[test] build failed');
  process.exit(1);
}

for (const stage of stages) {
  switch (stage) {
    case 'unit':
      nodeTests('unit', filesUnder('test/unit', /\.test\.ts$/));
      break;
    case 'lsp':
      nodeTests('lsp', filesUnder('test/lsp', /\.test\.ts$/));
      break;
    case 'browser': {
      const files = filesUnder('test/browser', /\.test\.(ts|mjs)$/);
      if (files.length && run(process.execPath, ['scripts/e2e/install.mjs']) !== 0) {
        failedStages.push('browser (install)');
        totals.failed += 1;
        break;
      }
      nodeTests('browser', files);
      break;
    }
    case 'e2e': {
      console.log('\n[test] e2e: the extension inside a real VS Code (code-server)');
      if (run(process.execPath, ['scripts/e2e/install.mjs']) !== 0) {
        failedStages.push('e2e (install)');
        totals.failed += 1;
        break;
      }
      const out = path.join(os.tmpdir(), `sidecar-e2e-${process.pid}.log`);
      const result = spawnSync(process.execPath, ['scripts/e2e/run-code-server.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      process.stdout.write(result.stdout ?? '');
      fs.rmSync(out, { force: true });
      const match = /^(?:\S+: )?(\d+) passed, (\d+) failed/m.exec(result.stdout ?? '');
      if (match) {
        totals.passed += Number(match[1]);
        totals.failed += Number(match[2]);
      }
      if (result.status !== 0) {
        failedStages.push('e2e');
        if (!match || Number(match[2]) === 0) totals.failed += 1;
      }
      break;
    }
    default:
      console.error(`[test] unknown stage ${stage}`);
      process.exit(2);
  }
}

console.log(`\n[test] stages: ${stages.join(', ')}${failedStages.length ? `; failed: ${failedStages.join(', ')}` : ''}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped${skips.length ? `: ${skips.join('; ')}` : ''}` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(failedStages.length || totals.failed ? 1 : 0);
