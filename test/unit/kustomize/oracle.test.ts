import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { builtInPodSpecPath } from '../../../server/src/core/model/pod';
import { renderKustomization } from '../../../server/src/core/workspace/kustomize/render';
import { fixturesDir } from '../helpers';
import { diskHost } from './disk-host';
import { kubectlKustomizeText, skipWithoutKubectl } from './kubectl';

type Json = Record<string, unknown>;

const root = path.join(fixturesDir, 'kustomize');
function subfolders(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => path.join(dir, name)) : [];
}

// Fixture overlays: every <name>/overlay and <name>/overlays/<each> (bad ones, which kustomize refuses, are bad-overlay).
const overlays = fs
  .readdirSync(root)
  .flatMap((name) => [path.join(root, name, 'overlay'), ...subfolders(path.join(root, name, 'overlays'))])
  .filter((dir) => fs.existsSync(path.join(dir, 'kustomization.yaml')));

function kubectlKustomize(dir: string): Json[] {
  return parseAllDocuments(kubectlKustomizeText(dir)).map((document) => ('toJS' in document ? (document.toJS() as Json) : {}));
}

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
    it(`renders ${path.relative(root, dir)} like kubectl kustomize`, { skip: skipWithoutKubectl }, () => {
      const expected = kubectlKustomize(dir);
      const ours = renderKustomization(diskHost(), dir).resources.map((resource) => resource.value);
      assert.deepStrictEqual(templates(ours), templates(expected));
      assert.ok(Object.keys(templates(expected)).length > 0);
    });
  }
});
