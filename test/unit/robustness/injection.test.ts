import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isFromWebviewMessage } from '../../../client/src/topology/messages';
import { expandInputs } from '../../../server/src/cli/files';
import { GlobError, globToRegExp } from '../../../server/src/glob';
import { escapeMarkdown, hover, inlineCode } from '../../../server/src/core/features/hover';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings, normalizeSettings } from '../../../server/src/core/settings';
import { repoRoot } from '../helpers';

describe('manifest text cannot inject into what the editor shows', () => {
  it('a container name with backticks stays inside its code span in the hover', () => {
    const name = 'a`](https://evil.example/x)![pixel](https://evil.example/p.png)`';
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: "${name}"\n    image: nginx:1.27\n`;
    const file = parseManifest(text);
    const result = hover(createLanguageService(), file, text.indexOf('name: "a') + 8, defaultSettings());
    const value = result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
    // The name ends with a backtick: the span is padded with a space on each side (CommonMark strips one).
    assert.ok(value.includes(`\`\` ${name} \`\``), value);
    // Read as CommonMark, the span opened by two backticks closes only at the next run of exactly two.
    const open = value.indexOf('``');
    assert.equal(value.indexOf('``', open + 2), open + 2 + name.length + 2);
  });

  it('inlineCode and escapeMarkdown leave nothing for Markdown to read', () => {
    assert.equal(inlineCode('plain'), '`plain`');
    assert.equal(inlineCode('a`b'), '``a`b``');
    assert.equal(inlineCode('`x`'), '`` `x` ``');
    assert.equal(inlineCode('two\nlines'), '`two lines`');
    assert.equal(escapeMarkdown('image ![i](http://e/x.png) <b>'), 'image \\!\\[i\\]\\(http://e/x\\.png\\) \\<b\\>');
  });

  it('docsBaseUrl is taken only as an http or https URL', () => {
    for (const bad of ['command:workbench.action.terminal.new?x', 'file:///etc/', 'javascript:alert(1)//', 'not a url']) {
      assert.equal(normalizeSettings({ docsBaseUrl: bad }).docsBaseUrl, defaultSettings().docsBaseUrl, bad);
    }
    assert.equal(normalizeSettings({ docsBaseUrl: 'https://example.com/docs/rules/' }).docsBaseUrl, 'https://example.com/docs/rules/');
    assert.equal(normalizeSettings({ docsBaseUrl: 'http://localhost:8080/rules/' }).docsBaseUrl, 'http://localhost:8080/rules/');
  });

  it('the topology panel takes only messages of the shapes it knows', () => {
    assert.ok(isFromWebviewMessage({ type: 'ready' }));
    assert.ok(isFromWebviewMessage({ type: 'copy', text: 'graph TD' }));
    assert.ok(isFromWebviewMessage({ type: 'reveal', workload: 0, nodeId: 'c1' }));
    assert.ok(isFromWebviewMessage({ type: 'exportSvg', svg: '<svg/>', workload: 'Pod web' }));
    assert.ok(isFromWebviewMessage({ type: 'rendered', documentUri: 'file:///a.yaml', workload: 'w', tab: 'sequence', labels: [] }));
    for (const bad of [null, 'copy', {}, { type: 'copy' }, { type: 'copy', text: 1 }, { type: 'reveal', workload: '0', nodeId: 'c' }, { type: 'exportSvg', svg: {}, workload: 'w' }, { type: 'insertMarkdown', text: 'x' }, { type: 'rendered', documentUri: 'u', workload: 'w', tab: 'other', labels: [] }, { type: 'run', command: 'rm' }]) {
      assert.equal(isFromWebviewMessage(bad), false, JSON.stringify(bad));
    }
  });

  it('the extension declares that it works in untrusted workspaces (it runs no workspace code)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
  });

  it('a glob with an invalid character class gets a clear message, not an internal error', () => {
    assert.throws(() => globToRegExp('manifests/[z-a].yaml'), (error: unknown) => error instanceof GlobError && /Invalid glob "manifests\/\[z-a\]\.yaml": a character class/.test(error.message));
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-glob-'));
    try {
      fs.writeFileSync(path.join(folder, 'a.yaml'), 'apiVersion: v1\nkind: Pod\n');
      const { files, missing } = expandInputs(['[z-a].yaml', '*.yaml'], folder);
      assert.deepEqual(missing.map((m) => m.input), ['[z-a].yaml']);
      assert.match(missing[0].reason, /Invalid glob/);
      assert.equal(files.length, 1);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
