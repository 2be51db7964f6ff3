#!/usr/bin/env node
// `npm start`: try the extension in a real VS Code in the browser, with nothing installed globally.
// Installs code-server into .cache/e2e on first use (and says what it installs), builds, opens examples/ with the
// extension loaded from this folder (extensionDevelopmentPath), and prints the URL. Ctrl+C stops everything.
// Usage: npm start [-- --port 8080] [-- --host 0.0.0.0]
// On 127.0.0.1 (the default) no password is asked. Any other address would hand everyone who can reach it a VS
// Code with a terminal, i.e. a shell on this machine: there code-server runs with --auth password and a password
// generated here, printed once.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isLoopback, startCodeServer } from './e2e/code-server.mjs';
import { paths, repoRoot } from './e2e/e2e-env.mjs';

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function step(script, args = []) {
  const res = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', script), ...args], { stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

/** For 0.0.0.0 / ::, the first external IPv4 address of this machine (what another machine would type). */
function publicHostFor(host) {
  if (host !== '0.0.0.0' && host !== '::') return host;
  const external = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
  return external?.address ?? os.hostname();
}

const host = option('host') ?? '127.0.0.1';
const loopback = isLoopback(host);
const password = loopback ? undefined : randomBytes(18).toString('base64url');

step('e2e/install.mjs', ['--for', 'start']);
step('build.mjs');

fs.mkdirSync(paths.runs, { recursive: true });
const runDir = fs.mkdtempSync(path.join(paths.runs, 'start-'));
const port = option('port') ? Number(option('port')) : undefined;
const examples = path.join(repoRoot, 'examples');
let server;
try {
  server = await startCodeServer({ runDir, workspace: examples, host, port, password });
} catch (error) {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  process.exit(1);
}
const url = server.workbenchUrl({ folder: examples, extensionDevelopmentPath: repoRoot, publicHost: publicHostFor(host) });

console.log(`
VS Code with the sidecar extension is running. Open:

  ${url}
${password ? `
It listens on ${host}, so it asks for a password (code-server --auth password). This one was generated for
this run and is not shown again:

  ${password}
` : ''}
Open a manifest in examples/ to see diagnostics and the status bar item; examples/README.md says what each shows.
After "npm run build" (or "npm run watch"), reload the browser tab to pick up changes.
Logs: ${server.logFile}
Press Ctrl+C to stop.
`);

let stopping = false;
async function shutdown(code, announce = false) {
  if (stopping) return;
  stopping = true;
  if (announce) console.log('\nStopping code-server…');
  await server.stop();
  fs.rmSync(runDir, { recursive: true, force: true });
  if (announce) console.log('Stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0, true));
process.on('SIGTERM', () => void shutdown(0));
server.exited.then((r) => {
  // Our own stop() ends it too: only an exit nobody asked for is news.
  if (stopping) return;
  console.error(`code-server stopped on its own (${r.signal ? `signal ${r.signal}` : `exit code ${r.code}`}); its log: ${server.logFile}`);
  void shutdown(1);
});
