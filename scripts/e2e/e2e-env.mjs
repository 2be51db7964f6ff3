// Shared paths and environment for the offline real-VS-Code e2e (code-server + playwright-core + chromium).
// Everything lives in the git-ignored .cache/e2e/ so nothing is written to the user's home.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Overridable so CI can cache it elsewhere (or a cold install can be timed without touching the real one).
export const cacheDir = path.resolve(process.env.SIDECAR_E2E_CACHE_DIR ?? path.join(repoRoot, '.cache', 'e2e'));

// 4.100.3 = VS Code 1.100.3, the last code-server whose engines accept Node 20 (see shared notes).
export const codeServerVersion = '4.100.3';
export const playwrightVersion = '1.65.1';

export const paths = {
  codeServerDir: path.join(cacheDir, 'code-server'),
  codeServerBin: path.join(cacheDir, 'code-server', 'node_modules', '.bin', 'code-server'),
  playwrightDir: path.join(cacheDir, 'playwright'),
  playwrightModule: path.join(cacheDir, 'playwright', 'node_modules', 'playwright-core', 'index.js'),
  tmp: path.join(cacheDir, 'tmp'),
  xdg: path.join(cacheDir, 'xdg'),
  runs: path.join(cacheDir, 'runs'),
  stamp: path.join(cacheDir, 'install-stamp.json'),
  chromium: process.env.SIDECAR_E2E_CHROMIUM ?? '/usr/bin/chromium',
};

/** Environment for every child process: private TMPDIR/XDG dirs keep VS Code state out of $HOME. */
export function isolatedEnv(extra = {}) {
  for (const dir of [paths.tmp, paths.xdg]) fs.mkdirSync(dir, { recursive: true });
  return {
    ...process.env,
    TMPDIR: paths.tmp,
    XDG_CONFIG_HOME: path.join(paths.xdg, 'config'),
    XDG_DATA_HOME: path.join(paths.xdg, 'data'),
    XDG_CACHE_HOME: path.join(paths.xdg, 'cache'),
    ...extra,
  };
}

export function elapsed(t0) {
  return `${((Date.now() - t0) / 1000).toFixed(1)}s`;
}
