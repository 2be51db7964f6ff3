// Starts a throwaway code-server (= a real VS Code 1.100 with a Node extension host), on 127.0.0.1 unless told, with
// private user-data/extension dirs, and builds workbench URLs that load an extension from its
// development folder. Shared by the e2e runner and `npm start`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { isolatedEnv, paths } from './e2e-env.mjs';

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopback(host) {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * `password`: code-server's `--auth password` with that password (passed in its environment, never on the command
 * line where `ps` shows it); without it, `--auth none`, which only a loopback address may use.
 * @param {{ runDir: string, workspace: string, host?: string, port?: number, password?: string, env?: Record<string,string>, logToConsole?: boolean }} opts
 */
export async function startCodeServer(opts) {
  const host = opts.host ?? '127.0.0.1';
  if (!opts.password && !isLoopback(host)) {
    throw new Error(`refusing to serve VS Code (a terminal: a shell on this machine) on ${host} without a password`);
  }
  if (!fs.existsSync(paths.codeServerBin)) {
    throw new Error(`code-server is not installed: run node scripts/e2e/install.mjs (looked for ${paths.codeServerBin})`);
  }
  const port = opts.port ?? await freePort(host);
  const userData = path.join(opts.runDir, 'user-data');
  const extensions = path.join(opts.runDir, 'extensions');
  const config = path.join(opts.runDir, 'config.yaml');
  fs.mkdirSync(userData, { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  // An empty config keeps code-server from reading or writing ~/.config/code-server/config.yaml.
  fs.writeFileSync(config, '');
  // Quiet defaults: the repo's own git prompt, marketplace lookups (offline) and the welcome page only
  // add noise and toasts that can cover what a test or a person wants to see.
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'git.openRepositoryInParentFolders': 'never',
    'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
  }, null, 2));
  const logFile = path.join(opts.runDir, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(paths.codeServerBin, [
    '--config', config, '--bind-addr', `${host}:${port}`, '--auth', opts.password ? 'password' : 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userData, '--extensions-dir', extensions, opts.workspace,
  ], {
    // Extension-host env vars must be set here: the URL payload's extensionEnvironment is ignored.
    env: isolatedEnv({ ...(opts.env ?? {}), ...(opts.password ? { PASSWORD: opts.password } : {}) }),
    // Own process group so stop() also ends the extension host and the language server it spawned.
    detached: true,
    stdio: ['ignore', opts.logToConsole ? 'inherit' : log, opts.logToConsole ? 'inherit' : log],
  });
  fs.closeSync(log);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  const base = `http://${host}:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 200))]);
    if (early) throw new Error(`code-server exited early (${JSON.stringify(early)}); log: ${logFile}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 30 s; log: ${logFile}`);
  }

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    const kill = (signal) => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
    kill('SIGTERM');
    const gone = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 3000))]);
    if (!gone) kill('SIGKILL');
    // The extension host and language server may outlive the main process briefly; end the whole group.
    kill('SIGKILL');
  }

  /**
   * Workbench URL for `folder`, loading the extension at `extensionDevelopmentPath` (and tests, if given).
   * `publicHost`: the name other machines reach this one by, when bound to all interfaces (0.0.0.0).
   */
  function workbenchUrl({ folder, extensionDevelopmentPath, extensionTestsPath, publicHost }) {
    const authority = `${publicHost ?? host}:${port}`;
    const remote = (p) => `vscode-remote://${authority}${p}`;
    const payload = [];
    if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    const query = `folder=${encodeURIComponent(folder)}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
    return `http://${authority}/?${query}`;
  }

  return { base, port, logFile, exited, stop, workbenchUrl };
}
