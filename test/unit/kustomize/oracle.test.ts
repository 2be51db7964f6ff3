import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { builtInPodSpecPath } from '../../../server/src/core/model/pod';
import { renderKustomization } from '../../../server/src/core/workspace/kustomize/render';
import type { Kustomization } from '../../../server/src/core/workspace/kustomize/kustomization';
import { RenderMemo } from '../../../server/src/core/workspace/kustomize/render-memo';
import { fixturesDir } from '../helpers';
import { diskHost } from './disk-host';
import { fixtureOverlays } from './fixture-overlays';
import { kubectlKustomizeText, skipWithoutKubectl } from './kubectl';

type Json = Record<string, unknown>;

const root = path.join(fixturesDir, 'kustomize');
const overlays = fixtureOverlays;

function kubectlKustomize(dir: string): Json[] {
  return parseAllDocuments(kubectlKustomizeText(dir)).map((document) => ('toJS' in document ? (document.toJS() as Json) : {}));
}

/** Freezes a rendered value and everything in it: a later render that changed it in place would throw. */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}

/** A render memo that freezes what it keeps: the documents read from files and the outcome of every patch and transformer. */
class FrozenMemo extends RenderMemo {
  override documentsOf<T>(file: string, use: string, text: string, read: () => T): T {
    return super.documentsOf(file, use, text, () => frozen(read()));
  }
  override patched<T>(base: object, patch: object, how: string, apply: () => T): T {
    return super.patched(base, patch, how, () => frozen(apply()));
  }
  override transformed(file: string, kustomization: Kustomization, value: Json, transform: () => Json): Json {
    return super.transformed(file, kustomization, value, () => frozen(transform()));
  }
}

function frozen<T>(value: T): T {
  deepFreeze(value);
  return value;
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
    it(`renders ${path.relative(root, dir)} with every shared value frozen, then again from the memo`, { skip: skipWithoutKubectl }, () => {
      const memo = new FrozenMemo();
      const expected = templates(kubectlKustomize(dir));
      // A merge, transformer or JSON patch that wrote into a value it was given (a file's documents, an earlier step's outcome) throws.
      const first = renderKustomization(diskHost(), dir, { memo }).resources.map((resource) => resource.value);
      assert.deepStrictEqual(templates(first), expected);
      const again = renderKustomization(diskHost(), dir, { memo }).resources.map((resource) => resource.value);
      assert.deepStrictEqual(templates(again), expected);
      // Nothing changed in between: the very same objects (what an edit does not touch is printed, parsed and checked once).
      assert.equal(again.length, first.length);
      again.forEach((value, index) => assert.equal(value, first[index], `resource ${index} is the first render's`));
    });
  }
});
