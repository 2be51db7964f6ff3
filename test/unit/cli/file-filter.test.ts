import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expandInputs } from '../../../server/src/cli/files';
import { enabledGlobs, isFiltered } from '../../../server/src/file-filter';
import { runCli } from './cli-io';

describe('folder walks leave out what .gitignore and --exclude leave out', () => {
  let root: string;
  const write = (relative: string, text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n') => {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  };
  const walked = (inputs: string[], options: Parameters<typeof expandInputs>[2] = {}, cwd = root) =>
    expandInputs(inputs, cwd, options).files.map((f) => path.relative(root, f).split(path.sep).join('/'));

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-filter-'));
    fs.mkdirSync(path.join(root, '.git'));
    write('.gitignore', '# rendered charts\nrendered/\n*.local.yaml\n/top-only.yaml\n');
    write('top-only.yaml');
    write('k8s/top-only.yaml');
    write('k8s/app.yaml');
    write('k8s/mine.local.yaml');
    write('k8s/.gitignore', '!keep.local.yaml\nsecret/\n');
    write('k8s/keep.local.yaml');
    write('k8s/secret/s.yaml');
    write('k8s/rendered/out.yaml');
    write('k8s/generated/gen.yaml');
    write('k8s/team/generated/deep.yaml');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('follows git: folder rules, anchored rules, a deeper file re-including; only .gitignore files inside the named folder', () => {
    assert.deepEqual(walked(['.']), ['k8s/app.yaml', 'k8s/generated/gen.yaml', 'k8s/keep.local.yaml', 'k8s/team/generated/deep.yaml', 'k8s/top-only.yaml']);
    // Naming k8s/ reads only the .gitignore files inside it (as VS Code's search): the root's rendered/ and
    // *.local.yaml do not apply, k8s/.gitignore's secret/ does.
    assert.deepEqual(walked(['k8s']), ['k8s/app.yaml', 'k8s/generated/gen.yaml', 'k8s/keep.local.yaml', 'k8s/mine.local.yaml', 'k8s/rendered/out.yaml', 'k8s/team/generated/deep.yaml', 'k8s/top-only.yaml']);
  });

  it('--exclude globs from the working folder; --no-gitignore; a file named on the command line is always linted', () => {
    assert.deepEqual(walked(['.'], { excludes: ['**/generated'] }), ['k8s/app.yaml', 'k8s/keep.local.yaml', 'k8s/top-only.yaml']);
    assert.deepEqual(walked(['.'], { excludes: ['k8s/generated/'] }), ['k8s/app.yaml', 'k8s/keep.local.yaml', 'k8s/team/generated/deep.yaml', 'k8s/top-only.yaml']);
    assert.equal(walked(['.'], { gitignore: false }).length, 9);
    assert.deepEqual(walked(['k8s/mine.local.yaml', 'k8s/rendered/out.yaml']), ['k8s/mine.local.yaml', 'k8s/rendered/out.yaml']);
  });

  it('a .gitignore above the named folder does not count (a repository that ignores the folder)', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-norepo-'));
    try {
      fs.writeFileSync(path.join(outside, '.gitignore'), '*.yaml\n');
      fs.mkdirSync(path.join(outside, 'k8s'));
      fs.writeFileSync(path.join(outside, 'k8s', 'a.yaml'), 'a: 1\n');
      assert.equal(expandInputs(['k8s'], outside).files.length, 1);
      assert.equal(expandInputs(['.'], outside).files.length, 0);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('tells whether one file is left out (the editor\'s watched files), and reads files.exclude', () => {
    assert.equal(isFiltered(root, path.join(root, 'k8s', 'rendered', 'new.yaml')), true);
    assert.equal(isFiltered(root, path.join(root, 'k8s', 'keep.local.yaml')), false);
    assert.equal(isFiltered(root, path.join(root, 'k8s', 'generated', 'x.yaml'), { excludes: ['**/generated'], excludeRoot: root }), true);
    assert.equal(isFiltered(root, path.join(root, 'k8s', 'app.yaml'), { excludes: ['[z-a]'], excludeRoot: root }), false, 'a glob that does not compile is left out');
    assert.deepEqual(enabledGlobs({ '**/.git': true, '**/tmp': false, x: 'yes' }), ['**/.git']);
    assert.deepEqual(enabledGlobs(undefined), []);
  });

  it('sidecar-lint --exclude and --no-gitignore', async () => {
    const run = async (args: string[]) => JSON.parse((await runCli(['--format', 'json', ...args, '.'], { cwd: root })).stdout) as { files: { path: string }[] };
    const paths = (report: { files: { path: string }[] }) => report.files.map((f) => f.path.split(path.sep).join('/')).sort();
    assert.deepEqual(paths(await run(['--exclude', '**/generated', '--exclude=k8s/top-only.yaml'])), ['k8s/app.yaml', 'k8s/keep.local.yaml']);
    assert.equal(paths(await run(['--no-gitignore'])).length, 9);
    const bad = await runCli(['--exclude', '[z-a]', '.'], { cwd: root });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /character class/);
  });
});
