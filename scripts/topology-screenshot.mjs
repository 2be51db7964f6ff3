#!/usr/bin/env node
// Takes docs/images/topology.png: the Pod Topology panel beside a manifest in a real VS Code (code-server),
// driven by Debian chromium through playwright-core, offline. Needs `node scripts/e2e/install.mjs` and a build.
// Usage: node scripts/topology-screenshot.mjs [--out docs/images/topology.png] [--file native-sidecar-deployment.yaml]
// Env: SIDECAR_E2E_EXTENSION_PATH loads another extension folder (as in the e2e runner).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startCodeServer } from './e2e/code-server.mjs';
import { paths, repoRoot } from './e2e/e2e-env.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};
const out = path.resolve(option('--out', path.join(repoRoot, 'docs', 'images', 'topology.png')));
const fileName = option('--file', 'native-sidecar-deployment.yaml');
const extensionPath = path.resolve(process.env.SIDECAR_E2E_EXTENSION_PATH ?? repoRoot);

fs.mkdirSync(paths.runs, { recursive: true });
const runDir = fs.mkdtempSync(path.join(paths.runs, 'screenshot-'));
const workspace = path.join(runDir, 'workspace');
fs.mkdirSync(workspace, { recursive: true });
fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'topology', fileName), path.join(workspace, fileName));

const server = await startCodeServer({ runDir, workspace });
const { chromium } = createRequire(import.meta.url)(paths.playwrightModule);
const context = await chromium.launchPersistentContext(path.join(runDir, 'chromium'), {
  executablePath: paths.chromium,
  headless: true,
  viewport: { width: 1920, height: 1000 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(server.workbenchUrl({ folder: workspace, extensionDevelopmentPath: extensionPath }), { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName });
  await row.waitFor({ timeout: 30_000 });
  await row.dblclick();
  await page.locator('.tabs-container .tab', { hasText: fileName }).waitFor({ timeout: 30_000 });
  // The language server is up once the status bar shows the Kubernetes version.
  await page.locator('.statusbar-item', { hasText: 'K8s' }).first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill('>Sidecar: Show Pod Topology');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Pod Topology' }).first().waitFor();
  await page.keyboard.press('Enter');
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await webview.locator('#diagram svg g.node').first().waitFor({ timeout: 60_000 });
  // Close the side bar so the editor and the panel get the room.
  await page.keyboard.press('Control+B');
  await webview.locator('#diagram svg g.node').first().waitFor();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`[screenshot] ${path.relative(repoRoot, out)}`);
} finally {
  await context.close().catch(() => undefined);
  await server.stop();
  fs.rmSync(runDir, { recursive: true, force: true });
}
