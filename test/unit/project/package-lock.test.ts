// `npm install` on a fresh clone must leave `git status` clean: npm rewrites package-lock.json whenever its root
// entry disagrees with package.json (engines, bin, dependency ranges…). This keeps the two in step offline.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import * as semver from 'semver';
import { repoRoot } from '../helpers';

interface Manifest {
  name?: string;
  version?: string;
  license?: string;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as T;
}

describe('package-lock.json', () => {
  const pkg = readJson<Manifest>('package.json');
  const lock = readJson<{ name: string; version: string; lockfileVersion: number; packages: Record<string, Manifest & { version?: string }> }>('package-lock.json');
  const root = lock.packages[''];

  it('has the root entry npm would write for package.json (else npm install rewrites it)', () => {
    assert.equal(lock.lockfileVersion, 3);
    assert.equal(lock.name, pkg.name);
    assert.equal(lock.version, pkg.version);
    // npm stores bin paths without a leading "./".
    const bin = pkg.bin && Object.fromEntries(Object.entries(pkg.bin).map(([k, v]) => [k, v.replace(/^\.\//, '')]));
    const fields = ['name', 'version', 'license', 'engines', 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
    for (const field of fields) assert.deepEqual(root[field], pkg[field], `package-lock.json root "${field}" differs from package.json: run npm install --package-lock-only`);
    assert.deepEqual(root.bin, bin, 'package-lock.json root "bin" differs from package.json');
  });

  it('locks every direct dependency at a version inside its range', () => {
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      const locked = lock.packages[`node_modules/${name}`];
      assert.ok(locked?.version, `${name} is not in package-lock.json`);
      if (/^\d+\.\d+\.\d+$/.test(range)) assert.equal(locked.version, range, `${name} is pinned to ${range}`);
    }
  });

  it('every locked package accepts the oldest Node that package.json (and the README) allows: no engine warnings', () => {
    const oldest = semver.minVersion(pkg.engines?.node ?? '');
    assert.ok(oldest, 'package.json has no engines.node');
    const refusing = Object.entries(lock.packages)
      .filter(([name, entry]) => name && entry.engines?.node && !semver.satisfies(oldest, entry.engines.node))
      .map(([name, entry]) => `${name.replace(/^.*node_modules\//, '')}@${entry.version} wants Node ${entry.engines?.node}`);
    assert.deepEqual(refusing, [], `npm install on Node ${oldest.version} would warn (EBADENGINE)`);
  });

  it('the README names the same Node version as package.json', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const stated = /Node\.js ≥ (\d+\.\d+)/.exec(readme)?.[1];
    assert.equal(`>=${stated}`, pkg.engines?.node);
  });
});
