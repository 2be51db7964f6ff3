import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { KustomizeCache } from '../../../server/src/core/features/kustomize/cache';
import { fixturesDir, readFixture } from '../helpers';
import { diskHost } from './disk-host';

const service = createLanguageService();
const root = path.join(fixturesDir, 'kustomize');

function hoverAt(relative: string, marker: string): string | undefined {
  const text = readFixture('kustomize', relative);
  const offset = text.indexOf(marker) + marker.length - 1;
  assert.ok(offset >= marker.length - 1, marker);
  const result = service.hover(parseManifest(text), offset, defaultSettings(), undefined, undefined, { path: path.join(root, relative), root, host: diskHost(), cache: new KustomizeCache() });
  return (result?.contents as MarkupContent | undefined)?.value;
}

describe('hover in a patch shows the merged container', () => {
  it('a container the patch changes: the base image (after the images transformer), ports and env merged', () => {
    const value = hoverAt('directives/overlay/directives.yaml', '- name: api\n          $deleteFromPrimitiveList');
    assert.ok(value, 'a hover');
    assert.match(value, /\*\*Merged container\*\* `api` as `kustomization\.yaml` renders it/);
    assert.match(value, /image: example\/api:1\.2\.0/);
    assert.doesNotMatch(value, /name: DEBUG/, 'the env entry the patch deletes is gone');
  });

  it('a sidecar the patch adds in a component: one section per overlay that includes it', () => {
    const value = hoverAt('shared-component/components/log-shipper/shipper.yaml', 'image: fluent');
    assert.equal(value?.match(/\*\*Merged container\*\*/g)?.length, 2, value);
  });

  it('no merged section off a container or outside a patch', () => {
    assert.doesNotMatch(hoverAt('directives/overlay/directives.yaml', 'strategy:') ?? '', /Merged container/);
    assert.doesNotMatch(hoverAt('log-shipper/base/deployment.yaml', '- name: app') ?? '', /Merged container/);
  });
});
