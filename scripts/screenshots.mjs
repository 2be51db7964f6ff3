#!/usr/bin/env node
// `npm run screenshots`: retakes the README's pictures in a real VS Code (code-server) driven by Debian chromium
// through playwright-core, offline, from the files in examples/:
//   docs/images/diagnostics.png  job-classic-sidecar.yaml with its squiggles and the Problems panel
//   docs/images/quick-fix.png    the light bulb's menu on the `volumeMount` typo of the same file
//   docs/images/topology.png     the Pod Topology panel beside deployment-native-sidecar.yaml
// Needs `node scripts/e2e/install.mjs` (npm start and npm test run it) and builds first.
// Usage: node scripts/screenshots.mjs [--only diagnostics,quick-fix,topology] [--out-dir docs/images]
// Env: SIDECAR_E2E_EXTENSION_PATH loads another extension folder (as in the e2e runner).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startCodeServer } from './e2e/code-server.mjs';
import { paths, repoRoot } from './e2e/e2e-env.mjs';

/** The pictures, in the order they are taken; each names the example it opens. */
export const SHOTS = [
  { id: 'diagnostics', file: 'job-classic-sidecar.yaml', alt: 'A Job with a classic sidecar, a typo and a missing volume: squiggles and the Problems panel' },
  { id: 'quick-fix', file: 'job-classic-sidecar.yaml', alt: 'The quick fixes offered on the volumeMount typo' },
  { id: 'topology', file: 'deployment-native-sidecar.yaml', alt: 'The pod topology panel beside a Deployment with two native sidecars' },
];

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};

async function main() {
  const only = new Set(option('--only', SHOTS.map((s) => s.id).join(',')).split(','));
  const outDir = path.resolve(option('--out-dir', path.join(repoRoot, 'docs', 'images')));
  const extensionPath = path.resolve(process.env.SIDECAR_E2E_EXTENSION_PATH ?? repoRoot);
  if (!process.env.SIDECAR_E2E_EXTENSION_PATH) {
    const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
  }
  fs.mkdirSync(paths.runs, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(paths.runs, 'screenshot-'));
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  for (const shot of SHOTS) fs.copyFileSync(path.join(repoRoot, 'examples', shot.file), path.join(workspace, shot.file));

  const server = await startCodeServer({ runDir, workspace });
  const { chromium } = createRequire(import.meta.url)(paths.playwrightModule);
  const context = await chromium.launchPersistentContext(path.join(runDir, 'chromium'), {
    executablePath: paths.chromium,
    headless: true,
    viewport: { width: 1600, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(server.workbenchUrl({ folder: workspace, extensionDevelopmentPath: extensionPath }), { timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const command = async (title) => {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(`>${title}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
      await page.keyboard.press('Enter');
    };
    const open = async (file) => {
      await command('Go to File...').catch(() => undefined);
      const input = page.locator('.quick-input-widget input');
      await input.fill(file);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor({ timeout: 30_000 });
    };
    const save = async (id) => {
      const out = path.join(outDir, `${id}.png`);
      fs.mkdirSync(outDir, { recursive: true });
      await page.screenshot({ path: out });
      console.log(`[screenshot] ${path.relative(repoRoot, out)}`);
    };
    // Close the side bar so the editor and the panels get the room.
    await page.keyboard.press('Control+B');

    await open(SHOTS[0].file);
    // The language server is up once the status bar shows the Kubernetes version.
    await page.locator('.statusbar-item', { hasText: 'K8s' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    if (only.has('diagnostics')) {
      await command('Problems: Focus on Problems View');
      await page.locator('.markers-panel .monaco-list-row').nth(2).waitFor({ timeout: 30_000 });
      await save('diagnostics');
    }
    if (only.has('quick-fix')) {
      await command('View: Close Panel').catch(() => undefined);
      // Put the cursor on the typo and open the light bulb's menu.
      await page.locator('.monaco-editor .view-lines span', { hasText: /^volumeMount$/ }).first().click();
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget').first().waitFor({ timeout: 30_000 });
      await save('quick-fix');
      await page.keyboard.press('Escape');
    }
    if (only.has('topology')) {
      await open(SHOTS[2].file);
      await command('Sidecar: Show Pod Topology');
      const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await webview.locator('#diagram svg g.node').first().waitFor({ timeout: 60_000 });
      await save('topology');
    }
  } finally {
    await context.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((error) => {
    console.error(`[screenshot] ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  });
}
