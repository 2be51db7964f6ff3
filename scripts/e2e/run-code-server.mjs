#!/usr/bin/env node
// Runs the e2e mocha suite (out/test/e2e/suite/index.js) inside a real VS Code offline: code-server
// 4.100.3 driven by Debian chromium through playwright-core. The suite's exit code comes back through
// window.codeAutomationExit, its console through window.codeAutomationLog.
// Usage: node scripts/e2e/run-code-server.mjs [--no-build] [--keep]
// Env: SIDECAR_E2E_TIMEOUT_MS (default 300000), SIDECAR_E2E_GREP (mocha grep, passed to the extension
//      host), SIDECAR_E2E_EXTENSION_PATH (load another extension folder, e.g. one with a stub server),
//      SIDECAR_E2E_VERBOSE=1 (also print the workbench console before the suite starts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startCodeServer } from './code-server.mjs';
import { elapsed, paths, repoRoot } from './e2e-env.mjs';

const t0 = Date.now();
const log = (msg) => console.log(`[e2e ${elapsed(t0)}] ${msg}`);
const args = new Set(process.argv.slice(2));
const timeoutMs = Number(process.env.SIDECAR_E2E_TIMEOUT_MS ?? 300_000);
const extensionPath = path.resolve(process.env.SIDECAR_E2E_EXTENSION_PATH ?? repoRoot);
const testsIndex = path.join(extensionPath, 'out', 'test', 'e2e', 'suite', 'index.js');
const startMarker = '[sidecar-e2e-start]';
const resultMarker = /\[sidecar-e2e-result\] passed=(\d+) failed=(\d+)/;

function step(cmd, argv) {
  const res = spawnSync(cmd, argv, { cwd: repoRoot, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (exit ${res.status})`);
}

/** Renders a console call forwarded from the extension host (printf-style first argument). */
function formatConsoleArgs(consoleArgs) {
  const [first, ...rest] = Array.isArray(consoleArgs) ? consoleArgs : [consoleArgs];
  let i = 0;
  const head = String(first).replace(/%[sdifoOc]/g, () => (i < rest.length ? String(rest[i++]) : ''));
  return [head, ...rest.slice(i).map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))].join(' ');
}

async function main() {
  // Instant when already installed; keeps `npm run test:e2e` working on a fresh clone without a separate step.
  step(process.execPath, [path.join(repoRoot, 'scripts', 'e2e', 'install.mjs')]);
  if (!args.has('--no-build')) step(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')]);
  if (!fs.existsSync(testsIndex)) throw new Error(`missing ${testsIndex}: build first`);
  log(`build/install ready`);

  fs.mkdirSync(paths.runs, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(paths.runs, 'run-'));
  // A copy, because tests write settings (.vscode/settings.json) into the workspace.
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });

  let server;
  let context;
  let exitCode = 1;
  let counts;
  let suiteStarted = false;
  const verbose = Boolean(process.env.SIDECAR_E2E_VERBOSE);
  const consoleLog = path.join(runDir, 'console.log');
  // Startup steps have their own deadlines; this one bounds the suite. The hard stop is a last resort
  // if cleanup itself hangs.
  let stopWaiting;
  const suiteDeadline = new Promise((resolve) => { stopWaiting = setTimeout(() => resolve('timeout'), timeoutMs); });
  const hardStop = setTimeout(() => {
    console.error('[e2e] cleanup did not finish; exiting');
    console.log('0 passed, 1 failed');
    process.exit(124);
  }, timeoutMs + 30_000);
  hardStop.unref();
  async function cleanup() {
    clearTimeout(stopWaiting);
    await context?.close().catch(() => undefined);
    await server?.stop();
  }
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void cleanup().then(() => process.exit(130)));

  try {
    const env = {};
    if (process.env.SIDECAR_E2E_GREP) env.SIDECAR_E2E_GREP = process.env.SIDECAR_E2E_GREP;
    server = await startCodeServer({ runDir, workspace, env });
    log(`code-server on ${server.base}`);

    const { chromium } = createRequire(import.meta.url)(paths.playwrightModule);
    context = await chromium.launchPersistentContext(path.join(runDir, 'chromium'), {
      executablePath: paths.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = context.pages()[0] ?? await context.newPage();
    let reportExit;
    const suiteExit = new Promise((resolve) => { reportExit = resolve; });
    await page.exposeFunction('codeAutomationLog', (_type, consoleArgs) => {
      const line = formatConsoleArgs(consoleArgs);
      fs.appendFileSync(consoleLog, `${line}\n`);
      const m = resultMarker.exec(line);
      if (m) counts = { passed: Number(m[1]), failed: Number(m[2]) };
      else if (line.startsWith(startMarker)) suiteStarted = true;
      // Workbench chatter before the suite starts (connection setup, open-vsx lookups failing offline)
      // is only worth reading when the suite never started; it stays in console.log for that case.
      else if (suiteStarted || verbose) console.log(`  ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    const url = server.workbenchUrl({ folder: workspace, extensionDevelopmentPath: extensionPath, extensionTestsPath: testsIndex });
    log('opening the workbench and running the suite');
    await page.goto(url, { timeout: 60_000 });
    const serverDied = server.exited.then((r) => `code-server exited ${JSON.stringify(r)}`);
    const code = await Promise.race([suiteExit, serverDied, suiteDeadline]);
    if (code === 'timeout') throw new Error(`the suite did not finish within ${timeoutMs} ms (SIDECAR_E2E_TIMEOUT_MS)`);
    if (typeof code !== 'number') throw new Error(String(code));
    exitCode = code;
  } catch (err) {
    console.error(`[e2e] ${err instanceof Error ? err.message : String(err)}`);
    if (server) console.error(`[e2e] code-server log: ${server.logFile}`);
    if (!suiteStarted) console.error(`[e2e] the suite never started; workbench console: ${consoleLog}`);
    exitCode = exitCode || 1;
  } finally {
    await cleanup();
  }
  // Keep the run directory (logs, workspace, chromium profile) only when something failed or on --keep.
  if (exitCode === 0 && !args.has('--keep')) fs.rmSync(runDir, { recursive: true, force: true });
  else log(`run directory kept: ${runDir}`);
  log(`suite exit code ${exitCode}`);
  if (!counts) counts = { passed: 0, failed: exitCode === 0 ? 0 : 1 };
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(exitCode === 0 && counts.failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(`[e2e] ${err instanceof Error ? err.message : String(err)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
