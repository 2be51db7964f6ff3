import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/core/language-service';
import { podsOf } from '../../../server/src/core/model/pod';
import { POD_LOCATIONS } from '../../../server/src/core/model/pod-locations';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { readFixture } from '../helpers';
import { brief, underlines } from '../rules/rule-kit';

const service = createLanguageService();
const fixture = (name: string) => readFixture('custom-resources', `${name}.yaml`);

describe('pod-carrying custom resources', () => {
  it('an Argo Rollout whose sidecar mounts an undeclared volume gets undefined-volume', () => {
    const found = underlines(fixture('argo-rollout-sidecar'), 'undefined-volume');
    assert.deepEqual(brief(found), [{ code: 'undefined-volume', severity: 'error', text: 'app-logs', line: 30 }]);
    assert.deepEqual(found[0].data?.containerPath, ['spec', 'template', 'spec', 'containers', 1]);
  });

  it('reads every Argo template with a container as a pod: main, sidecars, template and workflow volumes, claim templates', () => {
    const text = fixture('argo-workflow');
    const pods = podsOf(parseManifest(text).slots[0].document);
    assert.deepEqual(
      pods.map((p) => ({ path: p.path, template: p.template, containers: p.containers.map((c) => [c.name, c.writtenAs]) })),
      [
        { path: ['spec', 'templates', 1], template: 'build', containers: [['main', 'container'], ['registry', 'sidecars']] },
        { path: ['spec', 'templates', 2], template: 'report', containers: [['main', 'script']] },
      ],
    );
    assert.deepEqual(pods[0].volumes.map((v) => [v.name, v.shared, v.path]), [
      ['scratch', false, ['spec', 'templates', 1, 'volumes', 0]],
      ['workdir', true, ['spec', 'volumes', 0]],
    ]);
    // `cache` is a volumeClaimTemplate and `scratch`/`workdir` are declared: only the typo and the missing one remain.
    assert.deepEqual(
      brief(underlines(text, ['undefined-volume', 'unused-volume'])).map((f) => [f.code, f.text]),
      [['undefined-volume', 'wrkdir'], ['undefined-volume', 'results']],
    );
  });

  it('does not call Argo sidecars classic sidecars of a Job: Argo kills them when the main container exits', () => {
    const text = fixture('argo-workflow').replace('image: registry:2.8.3', 'image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1');
    assert.deepEqual(underlines(text, 'job-classic-sidecar'), []);
  });

  it('checks a KEDA ScaledJob as a Job and a Knative Service as a pod template, but not the core Service', () => {
    const text = fixture('knative-keda');
    assert.deepEqual(brief(underlines(text, ['undefined-volume', 'job-classic-sidecar'])).map((f) => [f.code, f.text]), [
      ['undefined-volume', 'config'],
      ['job-classic-sidecar', 'cloud-sql-proxy'],
    ]);
    const core = parseManifest('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  template:\n    spec:\n      containers: []\n');
    assert.deepEqual(podsOf(core.slots[0].document), []);
  });

  it('draws one diagram per Argo pod template and hovers its pod summary on `sidecars`', () => {
    const text = fixture('argo-workflow');
    const file = parseManifest(text);
    const diagrams = service.topology(file, defaultSettings());
    assert.equal(diagrams.length, 2);
    assert.match(diagrams[0].mermaid, /Workflow \(unnamed\), template build/);
    assert.match(diagrams[0].mermaid, /registry<br\/>app container/);
    const result = service.hover(file, text.indexOf('sidecars:') + 2, defaultSettings());
    const markdown = (result?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(markdown, /\*\*Start order\*\*: `main` \+ `registry` \(together\)/);
    assert.match(markdown, /stops the `sidecars` once the main container exits/);
  });

  it('has one entry per group and kind, each with a source', () => {
    const keys = POD_LOCATIONS.map((l) => `${l.group}/${l.kind}`);
    assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), []);
    for (const location of POD_LOCATIONS) assert.match(location.source, /^https:\/\//, `${location.kind} has no source`);
  });
});
