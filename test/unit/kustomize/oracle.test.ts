import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { builtInPodSpecPath } from '../../../server/src/core/model/pod';
import { renderKustomization } from '../../../server/src/core/workspace/kustomize/render';
import { fixturesDir } from '../helpers';
import { diskHost } from './disk-host';

type Json = Record<string, unknown>;

const root = path.join(fixturesDir, 'kustomize');
const overlays = fs
  .readdirSync(root)
  .map((name) => path.join(root, name, 'overlay'))
  .filter((dir) => fs.existsSync(path.join(dir, 'kustomization.yaml')));

function kubectlKustomize(dir: string): Json[] | undefined {
  try {
    const out = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return parseAllDocuments(out).map((document) => ('toJS' in document ? (document.toJS() as Json) : {}));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const kubectlAvailable = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function templates(resources: readonly Json[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const resource of resources) {
    const kind = String(resource.kind);
    const specPath = builtInPodSpecPath(kind);
    const name = String((resource.metadata as Json | undefined)?.name);
    if (!specPath) continue;
    let template: unknown = resource;
    for (const step of kind === 'Pod' ? [] : specPath.slice(0, -1)) template = (template as Json | undefined)?.[String(step)];
    result[`${kind}/${name}`] = { template, metadata: resource.metadata, selector: (resource.spec as Json | undefined)?.selector, replicas: (resource.spec as Json | undefined)?.replicas };
  }
  return result;
}

describe('kustomize merge against kubectl kustomize (the oracle)', () => {
  it('has fixture overlays', () => assert.ok(overlays.length >= 3, `overlays under ${root}`));
  for (const dir of overlays) {
    it(`renders ${path.relative(root, dir)} like kubectl kustomize`, { skip: kubectlAvailable ? false : 'skipped: kubectl is not on PATH, so there is no reference rendering' }, () => {
      const expected = kubectlKustomize(dir);
      assert.ok(expected, 'kubectl kustomize ran');
      const ours = renderKustomization(diskHost(), dir).resources.map((resource) => resource.value);
      assert.deepStrictEqual(templates(ours), templates(expected));
      assert.ok(Object.keys(templates(expected)).length > 0);
    });
  }
});
