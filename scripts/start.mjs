#!/usr/bin/env node
// `npm start`: try the extension in a real VS Code in the browser, with nothing installed globally.
// Installs code-server into .cache/e2e on first use, builds, opens examples/ with the extension loaded
// from this folder (extensionDevelopmentPath), and prints the URL. Ctrl+C stops everything.
// Usage: npm start [-- --port 8080] [-- --host 0.0.0.0]   (binding beyond 127.0.0.1 exposes an unauthenticated VS Code)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startCodeServer } from './e2e/code-server.mjs';
import { paths, repoRoot } from './e2e/e2e-env.mjs';

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function step(script, args = []) {
  const res = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', script), ...args], { stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

step('e2e/install.mjs');
step('build.mjs');

fs.mkdirSync(paths.runs, { recursive: true });
const runDir = fs.mkdtempSync(path.join(paths.runs, 'start-'));
const port = option('port') ? Number(option('port')) : undefined;
const server = await startCodeServer({ runDir, workspace: path.join(repoRoot, 'examples'), host: option('host'), port });
const url = server.workbenchUrl({ folder: path.join(repoRoot, 'examples'), extensionDevelopmentPath: repoRoot });

console.log(`
VS Code with the sidecar extension is running. Open:

  ${url}

Open a manifest in examples/ to see diagnostics and the status bar item.
After "npm run build" (or "npm run watch"), reload the browser tab to pick up changes.
Logs: ${server.logFile}
Press Ctrl+C to stop.
`);

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await server.stop();
  fs.rmSync(runDir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
server.exited.then((r) => {
  console.error(`code-server exited: ${JSON.stringify(r)}; log: ${server.logFile}`);
  void shutdown(1);
});
