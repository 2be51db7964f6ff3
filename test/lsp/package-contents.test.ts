// What the .vsix ships, as vsce itself lists it with the options of `npm run package`: the icon, the changelog
// and the marketplace README; the bundles the extension runs; not the CLI bundle or the developer docs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { icon?: string; scripts: Record<string, string> };

describe('the .vsix contents', () => {
  it('has the icon, CHANGELOG and marketplace README, the runtime bundles, and no CLI bundle or developer docs', () => {
    const readme = /--readme-path (\S+)/.exec(pkg.scripts.package)?.[1];
    assert.ok(readme, 'npm run package names the marketplace README');
    const run = spawnSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies', '--readme-path', readme], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const files = new Set(run.stdout.split('\n').map((l) => l.trim()).filter(Boolean));
    assert.ok(pkg.icon && files.has(pkg.icon), `icon ${pkg.icon} is packaged`);
    for (const file of ['CHANGELOG.md', readme, 'LICENSE', 'package.json', 'client/out/extension.js', 'server/out/server.js', 'server/out/validation-worker.js', 'client/out/webview/main.js', 'docs/rules/missing-probes.md', 'docs/codes/unknown-field.md', 'schemas/crds/index.json', 'schemas/crds/istio.json']) {
      assert.ok(files.has(file), `${file} is packaged`);
    }
    for (const file of ['server/out/cli.js', 'docs/architecture.md', 'docs/benchmark.md', 'docs/contributing.md', 'docs/cli.md', 'README.md']) {
      assert.ok(!files.has(file), `${file} is not packaged`);
    }
    assert.ok(![...files].some((f) => f.endsWith('.map') || f.startsWith('test/') || f.startsWith('scripts/') || f.startsWith('examples/')), [...files].join(', '));
  });
});
