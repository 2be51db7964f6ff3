#!/usr/bin/env node
// One esbuild script for every bundle, so dev, tests and the packaged .vsix load the same stable paths
// (client/out/extension.js, server/out/server.js). A missing entry is an error: a renamed source must not
// leave a stale bundle behind that the tests would still load.
// Usage: node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const r = (p) => path.join(root, p);

const nodeDefaults = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  // Per-file size tables drown the one line that matters; watch mode still reports each rebuild.
  logLevel: watch ? 'info' : 'warning',
  absWorkingDir: root,
};

/** Recursively lists `*.ts` under dir (the e2e suite grows file by file). */
function tsFilesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

const builds = [
  { name: 'client', entry: 'client/src/extension.ts', options: { ...nodeDefaults, outfile: r('client/out/extension.js'), external: ['vscode'] } },
  { name: 'server', entry: 'server/src/server.ts', options: { ...nodeDefaults, outfile: r('server/out/server.js') } },
  // The server's validation thread (worker_threads), loaded from beside server.js.
  { name: 'validation-worker', entry: 'server/src/lsp/validation-worker.ts', options: { ...nodeDefaults, outfile: r('server/out/validation-worker.js') } },
  {
    name: 'cli', entry: 'server/src/cli/main.ts',
    options: { ...nodeDefaults, outfile: r('server/out/cli.js'), banner: { js: '#!/usr/bin/env node' } },
  },
  {
    name: 'webview', entry: 'client/src/webview/main.ts',
    options: { ...nodeDefaults, platform: 'browser', format: 'iife', target: 'es2022', outfile: r('client/out/webview/main.js') },
  },
];

const suiteFiles = tsFilesUnder(r('test/e2e/suite'));
if (suiteFiles.length) {
  builds.push({
    name: 'e2e-suite', entries: suiteFiles,
    // mocha stays external: it loads test files with dynamic require(), which bundling would break.
    options: { ...nodeDefaults, entryPoints: suiteFiles, outbase: r('test/e2e/suite'), outdir: r('out/test/e2e/suite'), external: ['vscode', 'mocha'] },
  });
}

const missing = builds.filter((b) => !b.entries && !fs.existsSync(r(b.entry)));
for (const b of missing) console.error(`[build] ${b.name}: entry ${b.entry} does not exist`);
if (missing.length) process.exit(1);
const active = builds;

const optionsFor = (b) => (b.entries ? b.options : { ...b.options, entryPoints: [r(b.entry)] });

if (watch) {
  for (const b of active) await (await esbuild.context(optionsFor(b))).watch();
  console.log('[build] watching for changes (Ctrl+C to stop)');
} else {
  const t0 = Date.now();
  const results = await Promise.allSettled(active.map((b) => esbuild.build(optionsFor(b))));
  const failed = results.filter((x) => x.status === 'rejected').length;
  // The CLI is run directly (package.json "bin"), so it needs the executable bit.
  if (fs.existsSync(r('server/out/cli.js'))) fs.chmodSync(r('server/out/cli.js'), 0o755);
  console.log(`[build] ${active.map((b) => b.name).join(', ')} in ${Date.now() - t0} ms${failed ? `, ${failed} failed` : ''}`);
  if (failed) process.exit(1);
}
