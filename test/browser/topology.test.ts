// The topology webview in Debian's chromium: the same HTML builder and bundle the panel uses, served from
// 127.0.0.1, fed the core's diagrams the way VS Code delivers messages (window 'message' events).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { renderTopologyHtml } from '../../client/src/topology/html';
import type { FromWebviewMessage, ToWebviewMessage } from '../../client/src/topology/messages';
import { buildTopology, type WorkloadDiagram } from '../../server/src/core/features/topology';
import { createLanguageService } from '../../server/src/core/language-service';
import { parseManifest } from '../../server/src/core/parse/manifest';
import { defaultSettings } from '../../server/src/core/settings';
import { WorkspaceIndex } from '../../server/src/core/workspace/index/workspace-index';

const repoRoot = path.resolve(__dirname, '..', '..');
const bundleDir = path.join(repoRoot, 'client', 'out', 'webview');
const fixtureDir = path.join(repoRoot, 'test', 'fixtures', 'topology');
const playwrightModule = path.join(repoRoot, '.cache', 'e2e', 'playwright', 'node_modules', 'playwright-core');
const chromiumPath = process.env.SIDECAR_E2E_CHROMIUM ?? '/usr/bin/chromium';
const screenshotPath = process.env.SIDECAR_TOPOLOGY_SCREENSHOT;

// Minimal shapes of the playwright-core objects this test uses (it is loaded from .cache, without types).
interface Page {
  goto(url: string): Promise<unknown>;
  addInitScript(script: string): Promise<void>;
  evaluate<T>(fn: string): Promise<T>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout: number }): Promise<unknown>;
  click(selector: string): Promise<void>;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

const service = createLanguageService();

function diagramsOf(fixture: string): WorkloadDiagram[] {
  const file = parseManifest(fs.readFileSync(path.join(fixtureDir, fixture), 'utf8'));
  const findings = service.validator.validate(file, defaultSettings());
  return buildTopology(file, { findings, fileName: `file:///work/${fixture}` });
}

function updateMessage(fixture: string): ToWebviewMessage {
  return {
    type: 'update',
    documentName: fixture,
    documentUri: `file:///work/${fixture}`,
    keepSelection: false,
    workloads: diagramsOf(fixture).map((w) => ({ name: w.name, kind: w.kind, mermaid: w.mermaid, sequence: w.sequence, nodeIds: w.nodes.map((n) => n.id) })),
  };
}

function serve(nonce: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const origin = `http://${request.headers.host}`;
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(renderTopologyHtml({ nonce, cspSource: origin, scriptUri: `${origin}/webview/main.js`, styleUri: `${origin}/webview/main.css` }));
      return;
    }
    // Chromium asks for a favicon on its own; a 404 would show up as a console error.
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const name = url.pathname.replace(/^\/webview\//, '');
    const file = path.join(bundleDir, name);
    if (!url.pathname.startsWith('/webview/') || path.dirname(file) !== bundleDir || !fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const type = name.endsWith('.js') ? 'text/javascript' : name.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    response.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// Runs in the page before the bundle: VS Code's webview API, a recorder of CSP violations and a tripwire that
// every injection payload in the fixtures tries to set.
const pageHarness = `
  window.__posted = [];
  window.__violations = [];
  window.__state = undefined;
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => window.__posted.push(message),
    getState: () => window.__state,
    setState: (state) => { window.__state = state; },
  });
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
  });
`;

/** The page globals `pageHarness` installs (functions passed to the page are serialized: no closures). */
interface Harness {
  __posted: FromWebviewMessage[];
}

describe('topology webview in chromium', () => {
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  const consoleErrors: string[] = [];

  before(async () => {
    assert.ok(fs.existsSync(path.join(bundleDir, 'main.js')), 'client/out/webview/main.js is missing: run `node scripts/build.mjs`');
    assert.ok(fs.existsSync(playwrightModule), 'playwright-core is missing: run `node scripts/e2e/install.mjs`');
    const nonce = randomBytes(16).toString('base64');
    server = await serve(nonce);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = createRequire(__filename)(playwrightModule) as { chromium: { launch(options: object): Promise<Browser> } };
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
    });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text())) consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    await page.addInitScript(pageHarness);
    await page.goto(base);
    await page.waitForFunction(() => (globalThis as unknown as Harness).__posted.some((m) => m.type === 'ready'), undefined, { timeout: 20_000 });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function post(message: ToWebviewMessage): Promise<void> {
    await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
  }

  /** Waits for the next `rendered` message after `count` earlier ones, and returns it. */
  async function nextRender(count: number): Promise<Extract<FromWebviewMessage, { type: 'rendered' }>> {
    // A function, not a string: playwright evaluates string predicates with eval, which the page's CSP forbids.
    await page.waitForFunction((n) => (globalThis as unknown as Harness).__posted.filter((m) => m.type === 'rendered').length > n, count, { timeout: 20_000 });
    return page.evaluate(`window.__posted.filter((m) => m.type === 'rendered')[${count}]`);
  }

  const renderedSoFar = () => page.evaluate<number>(`window.__posted.filter((m) => m.type === 'rendered').length`);

  async function renderBoth(message: ToWebviewMessage): Promise<{ flowchart: string[]; sequence: string[] }> {
    let count = await renderedSoFar();
    await page.click('#tab-flowchart');
    await post(message);
    const flowchart = await nextRender(count++);
    assert.equal(flowchart.error, undefined, `flowchart error: ${flowchart.error}`);
    assert.equal(flowchart.tab, 'flowchart');
    await page.click('#tab-sequence');
    const sequence = await nextRender(count++);
    assert.equal(sequence.error, undefined, `sequence error: ${sequence.error}`);
    assert.equal(sequence.tab, 'sequence');
    await page.click('#tab-flowchart');
    await nextRender(count);
    return { flowchart: flowchart.labels, sequence: sequence.labels };
  }

  it('draws every golden fixture, flowchart and sequence, with the container names as labels', async () => {
    const fixtures = fs.readdirSync(fixtureDir).filter((f) => f.endsWith('.yaml') && f !== 'injection.yaml');
    for (const fixture of fixtures) {
      const message = updateMessage(fixture);
      assert.equal(message.type, 'update');
      if (message.type !== 'update') continue;
      for (let index = 0; index < message.workloads.length; index++) {
        // Show workload `index` first, the way the server puts the one under the cursor first.
        const ordered = { ...message, workloads: [...message.workloads.slice(index), ...message.workloads.slice(0, index)] };
        const labels = await renderBoth(ordered);
        const names = [...ordered.workloads[0].mermaid.matchAll(/c\d+\["([^<"]+)/g)].map((m) => m[1]);
        assert.ok(names.length > 0, `${fixture}: containers in the diagram`);
        for (const name of names) {
          assert.ok(labels.flowchart.some((l) => l.includes(name)), `${fixture}: flowchart label ${name} in ${JSON.stringify(labels.flowchart)}`);
          assert.ok(labels.sequence.some((l) => l.includes(name)), `${fixture}: sequence label ${name} in ${JSON.stringify(labels.sequence)}`);
        }
      }
    }
    assert.deepEqual(await page.evaluate('window.__violations'), []);
    assert.deepEqual(consoleErrors, []);
  });

  it('shows hostile names as plain text: no script runs, no link, no handler, no CSP violation', async () => {
    const labels = await renderBoth(updateMessage('injection.yaml'));
    const all = [...labels.flowchart, ...labels.sequence].join('\n');
    // The names arrive intact as text, which is how we know they were labels and not markup.
    assert.ok(all.includes('a"]; click a "javascript:alert(1)"'), all);
    assert.ok(all.includes('<img src=x onerror=window.__pwned=1>'), all);
    assert.ok(all.includes('participant x as y; Note over x: <img src=x onerror=window.__pwned=1>'), all);
    for (const tab of ['#tab-flowchart', '#tab-sequence']) {
      const count = await renderedSoFar();
      await page.click(tab === '#tab-flowchart' ? '#tab-sequence' : '#tab-flowchart');
      await nextRender(count);
      if (tab === '#tab-sequence') continue;
      const dom = await page.evaluate<{ pwned: unknown; links: number; scripts: number; handlers: string[]; images: number; foreign: number }>(`(() => {
        const svg = document.querySelector('#diagram svg');
        const all = Array.from(document.querySelectorAll('#diagram *'));
        return {
          pwned: window.__pwned,
          links: svg.querySelectorAll('a').length,
          scripts: svg.querySelectorAll('script').length,
          handlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map((a) => el.tagName + ' ' + a.name)),
          images: svg.querySelectorAll('img, image').length,
          foreign: svg.querySelectorAll('foreignObject').length,
        };
      })()`);
      assert.deepEqual(dom, { pwned: undefined, links: 0, scripts: 0, handlers: [], images: 0, foreign: 0 });
    }
    const clicks = await page.evaluate<number>(`Array.from(document.querySelectorAll('#diagram .clickable')).length`);
    assert.equal(clicks, 0, 'no Mermaid click bindings');
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.deepEqual(await page.evaluate('window.__violations'), []);
    assert.deepEqual(consoleErrors, []);
  });

  it('draws the Services that route to a pod and what it reads from other files beside it', async () => {
    const root = path.join(repoRoot, 'test', 'fixtures', 'workspace', 'shop');
    const index = new WorkspaceIndex();
    for (const file of ['app/web.yaml', 'app/services.yaml', 'config/config.yaml', 'config/secrets.yaml', 'rbac/web.yaml']) {
      index.set(pathToFileURL(path.join(root, file)).href, parseManifest(fs.readFileSync(path.join(root, file), 'utf8')));
    }
    const uri = pathToFileURL(path.join(root, 'app/web.yaml')).href;
    const file = index.fileOf(uri);
    assert.ok(file);
    const workloads = buildTopology(file, { fileName: uri, workspace: { index, uri, complete: true } });
    const labels = await renderBoth({
      type: 'update', documentName: 'web.yaml', documentUri: uri, keepSelection: false,
      workloads: workloads.map((w) => ({ name: w.name, kind: w.kind, mermaid: w.mermaid, sequence: w.sequence, nodeIds: w.nodes.map((n) => n.id) })),
    });
    const all = labels.flowchart.join('\n');
    for (const text of ['Service web', 'Service web-direct', 'ports 80→proxy', 'port 80 to 15001 proxy', '(sidecar)', 'port 8080 to 8080 http',
      'ConfigMap fluent-bit-config', 'in ../config/config.yaml', 'Secret web-env', 'ServiceAccount web', 'in ../rbac/web.yaml',
      'ConfigMap web-confg', 'missing in namespace "shop"', 'envFrom.secretRef', 'serviceAccountName']) {
      assert.ok(all.includes(text), `"${text}" drawn; labels: ${JSON.stringify(labels.flowchart)}`);
    }
    assert.deepEqual(consoleErrors, []);
  });

  it('reveals the manifest text of a clicked node', async () => {
    await renderBoth(updateMessage('native-sidecar-deployment.yaml'));
    const before = await page.evaluate<number>(`window.__posted.filter((m) => m.type === 'reveal').length`);
    await page.evaluate(`(() => {
      const node = Array.from(document.querySelectorAll('#diagram g.node')).find((g) => /^envoy.*native sidecar/.test(g.textContent));
      node.querySelector('text, rect, path').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    })()`);
    const reveal = await page.evaluate(`window.__posted.filter((m) => m.type === 'reveal')[${before}]`);
    assert.deepEqual(reveal, { type: 'reveal', workload: 0, nodeId: 'c1' });
    // Sequence participants reveal too.
    let count = await renderedSoFar();
    await page.click('#tab-sequence');
    await nextRender(count++);
    await page.evaluate(`(() => {
      const actor = Array.from(document.querySelectorAll('#diagram [name]')).find((el) => el.getAttribute('name') === 'c3');
      actor.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    })()`);
    const second = await page.evaluate(`window.__posted.filter((m) => m.type === 'reveal')[${before + 1}]`);
    assert.deepEqual(second, { type: 'reveal', workload: 0, nodeId: 'c3' });
    await page.click('#tab-flowchart');
    await nextRender(count);
  });

  it('toolbar buttons hand the extension the shown source and a well-formed standalone SVG', async () => {
    const message = updateMessage('undefined-volume.yaml');
    await renderBoth(message);
    if (message.type !== 'update') return;
    const count = await page.evaluate<number>('window.__posted.length');
    await page.click('#copy');
    await page.click('#insert');
    await page.click('#export');
    const sent = await page.evaluate<FromWebviewMessage[]>(`window.__posted.slice(${count})`);
    assert.deepEqual(sent.map((m) => m.type), ['copy', 'insertMarkdown', 'exportSvg']);
    const [copy, insert, exported] = sent;
    assert.equal(copy.type === 'copy' && copy.text, message.workloads[0].mermaid);
    assert.equal(insert.type === 'insertMarkdown' && insert.text, message.workloads[0].mermaid);
    assert.ok(exported.type === 'exportSvg');
    const parsed = await page.evaluate<{ error: number; root: string; texts: number }>(`(() => {
      const doc = new DOMParser().parseFromString(${JSON.stringify(exported.type === 'exportSvg' ? exported.svg : '')}, 'image/svg+xml');
      return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.namespaceURI, texts: doc.getElementsByTagName('text').length };
    })()`);
    assert.deepEqual({ error: parsed.error, root: parsed.root }, { error: 0, root: 'http://www.w3.org/2000/svg' });
    assert.ok(parsed.texts > 5, 'labels are SVG text, readable without HTML');
  });

  it('follows the editor theme: a dark body redraws with the dark Mermaid theme', async () => {
    await renderBoth(updateMessage('logging-pod.yaml'));
    const lightBackground = await page.evaluate<string>(`getComputedStyle(document.querySelector('#diagram g.cluster rect, #diagram .cluster rect')).fill`);
    const count = await renderedSoFar();
    await page.evaluate(`document.body.classList.add('vscode-dark')`);
    await nextRender(count);
    const darkBackground = await page.evaluate<string>(`getComputedStyle(document.querySelector('#diagram g.cluster rect, #diagram .cluster rect')).fill`);
    assert.notEqual(darkBackground, lightBackground, 'the pod box is drawn with the dark theme colours');
    if (screenshotPath) {
      await page.evaluate(`document.body.classList.remove('vscode-dark')`);
      await nextRender(count + 1);
      await page.setViewportSize({ width: 1100, height: 620 });
      await page.screenshot({ path: screenshotPath });
    }
    await page.evaluate(`document.body.classList.remove('vscode-dark')`);
    assert.deepEqual(await page.evaluate('window.__violations'), []);
  });

  it('keeps the previous diagram and reports the error when Mermaid cannot parse the text', async () => {
    const message = updateMessage('job-classic-sidecar.yaml');
    await renderBoth(message);
    if (message.type !== 'update') return;
    const broken = { ...message, workloads: [{ ...message.workloads[0], mermaid: 'flowchart LR\n  a["unterminated --> b\n' }] };
    const count = await renderedSoFar();
    await post(broken);
    const rendered = await nextRender(count);
    assert.ok(rendered.error, 'an error is reported');
    assert.equal(await page.evaluate<number>(`document.querySelectorAll('#diagram svg').length`), 1, 'the last good diagram stays');
    assert.match(await page.evaluate<string>(`document.getElementById('status').textContent`), /Could not draw/);
  });
});
