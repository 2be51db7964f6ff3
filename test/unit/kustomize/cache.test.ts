import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { KustomizeCache } from '../../../server/src/core/features/kustomize/cache';
import { fixturesDir, readFixture } from '../helpers';
import { diskHost } from './disk-host';

const service = createLanguageService();
const root = path.join(fixturesDir, 'kustomize');

function checker(cache: KustomizeCache | undefined, buffers: Record<string, string> = {}, workspace = root) {
  return (relative: string) => {
    const file = path.join(root, relative);
    const text = buffers[file] ?? readFixture('kustomize', relative);
    const findings = service.validate(parseManifest(text), defaultSettings(), { path: file, root: workspace, host: diskHost(buffers), cache });
    return findings.map((f) => ({ code: f.code, text: text.slice(f.start, f.end) }));
  };
}

describe('kustomize cache and shared patches', () => {
  it('a patch of a component shared by two overlays is checked in both: the staging overlay lacks the buffer volume', () => {
    const found = checker(new KustomizeCache())('shared-component/components/log-shipper/shipper.yaml');
    assert.deepEqual(found.filter((f) => f.code === 'undefined-volume'), [{ code: 'undefined-volume', text: 'buffer' }]);
    // Not rendered alone (a component has no resources): no "matches nothing", no required field.
    assert.ok(!found.some((f) => f.code.startsWith('kustomize-') || f.code === 'missing-required-field'), JSON.stringify(found));
  });

  it('without the index (no cache), a component patch is still checked as a patch, not as a whole manifest', () => {
    const found = checker(undefined)('shared-component/components/log-shipper/shipper.yaml');
    assert.ok(!found.some((f) => f.code === 'missing-required-field' || f.code === 'undefined-volume'), JSON.stringify(found));
  });

  it('renders an overlay once, again only after a file it read changed', () => {
    const cache = new KustomizeCache();
    const base = path.join(root, 'log-shipper/base/deployment.yaml');
    const buffers: Record<string, string> = {};
    const check = checker(cache, buffers);
    const patch = 'log-shipper/overlay/log-shipper.yaml';
    assert.deepEqual(check(patch).filter((f) => f.code === 'undefined-volume').map((f) => f.text), ['buffer']);
    const renders = cache.renders;
    check(patch);
    assert.equal(cache.renders, renders, 'answered from the cache');
    cache.invalidate(path.join(root, 'job-sidecar/base/job.yaml'));
    check(patch);
    assert.equal(cache.renders, renders, 'a file the overlay does not read changes nothing');
    buffers[base] = readFixture('kustomize', 'log-shipper/base/deployment.yaml').replace('- name: logs\n          emptyDir', '- name: buffer\n          emptyDir: {}\n        - name: logs\n          emptyDir');
    assert.deepEqual(check(patch).filter((f) => f.code === 'undefined-volume').map((f) => f.text), ['buffer'], 'stale until told');
    cache.invalidate(base);
    assert.deepEqual(check(patch).filter((f) => f.code === 'undefined-volume'), []);
    assert.equal(cache.renders, renders + 1);
  });

  it('a kustomization file that appears is found: the index of the workspace is rebuilt', () => {
    const cache = new KustomizeCache();
    const buffers: Record<string, string> = {};
    const check = checker(cache, buffers);
    const patch = 'shared-component/components/log-shipper/shipper.yaml';
    assert.equal(check(patch).filter((f) => f.code === 'undefined-volume').length, 1);
    // Staging now declares the buffer too (an inline patch in its kustomization, unsaved).
    const staging = path.join(root, 'shared-component/overlays/staging');
    const inline = 'patches:\n  - patch: |-\n      apiVersion: apps/v1\n      kind: Deployment\n      metadata:\n        name: web\n      spec:\n        template:\n          spec:\n            volumes:\n              - name: buffer\n                emptyDir: {}\n';
    buffers[path.join(staging, 'kustomization.yaml')] = `${readFixture('kustomize', 'shared-component/overlays/staging/kustomization.yaml')}${inline}`;
    cache.invalidate(path.join(staging, 'kustomization.yaml'));
    assert.deepEqual(check(patch).filter((f) => f.code === 'undefined-volume'), []);
  });

  it('a finding of an inline patch follows an edit above it in the kustomization (kept places are by the whole text)', () => {
    const cache = new KustomizeCache();
    const overlay = path.join(root, 'log-shipper/overlay');
    const file = path.join(overlay, 'kustomization.yaml');
    const inline = '  - patch: |-\n      apiVersion: apps/v1\n      kind: Deployment\n      metadata:\n        name: web\n      spec:\n        template:\n          spec:\n            containers:\n              - name: orders\n                volumeMounts:\n                  - name: nope\n                    mountPath: /nope\n';
    const buffers: Record<string, string> = { [file]: `${readFixture('kustomize', 'log-shipper/overlay/kustomization.yaml')}${inline}` };
    const inlineFinding = () => {
      const check = cache.overlay(service.validator, diskHost(buffers), overlay, defaultSettings());
      const found = check.findings.filter((f) => f.code === 'undefined-volume' && f.file === file);
      assert.equal(found.length, 1, JSON.stringify(check.findings.map((f) => [f.code, f.file])));
      return buffers[file].slice(found[0].start, found[0].end);
    };
    // On its own node inside the `patch: |-` block (inline-patch.ts).
    assert.equal(inlineFinding(), 'nope');
    buffers[file] = `# a comment that moves the patch down\n${buffers[file]}`;
    cache.invalidate(file);
    assert.equal(inlineFinding(), 'nope', 'still on the mount inside the inline patch, not at its old offset');
  });

  it('a patch its kustomization no longer lists is checked as a whole manifest again', () => {
    const cache = new KustomizeCache();
    const file = path.join(root, 'log-shipper/overlay/kustomization.yaml');
    const buffers: Record<string, string> = {};
    const check = checker(cache, buffers);
    const patch = 'log-shipper/overlay/log-shipper.yaml';
    assert.ok(!check(patch).some((f) => f.code === 'missing-required-field'));
    buffers[file] = readFixture('kustomize', 'log-shipper/overlay/kustomization.yaml').replace(/patches:\n.*\n/, '');
    cache.invalidate(file);
    assert.ok(check(patch).some((f) => f.code === 'missing-required-field'), 'not a patch any more');
  });
});
