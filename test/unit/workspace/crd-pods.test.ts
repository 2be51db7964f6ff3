// Cross-file checks and navigation see the pods of custom resources (issue 14): those whose CRD, in another file,
// embeds a pod template (derived rows of the one pod-locations table) and the kinds of its static rows (Argo).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Location, WorkspaceEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index/workspace-index';
import type { JsonReport } from '../../../server/src/cli';
import { fixturesDir } from '../helpers';
import { runCli } from '../cli/cli-io';

const root = path.join(fixturesDir, 'workspace', 'crd-pods');
const service = createLanguageService();
const settings = defaultSettings();
const FILES = ['app/webapp.yaml', 'app/deployment.yaml', 'app/service.yaml', 'config/config.yaml', 'crds/crds.yaml'];
const text = (relative: string) => fs.readFileSync(path.join(root, relative), 'utf8');

function load(files: readonly string[] = FILES, index = service.createWorkspaceIndex()): WorkspaceIndex {
  for (const relative of files) index.set(relative, parseManifest(text(relative)));
  return index;
}

function offsetOf(index: WorkspaceIndex, uri: string, needle: string, into: number): number {
  const at = index.fileOf(uri)?.text.indexOf(needle) ?? -1;
  assert.ok(at >= 0, `${needle} not in ${uri}`);
  return at + into;
}

/** `file:line:text`, the text being what the range covers. */
function brief(index: WorkspaceIndex, locations: readonly Location[]): string[] {
  return locations.map((l) => {
    const file = index.fileOf(l.uri);
    const text = file?.text.slice(file.lineIndex.offsetAt(l.range.start), file.lineIndex.offsetAt(l.range.end));
    return `${l.uri}:${l.range.start.line + 1}:${text}`;
  });
}

function edits(index: WorkspaceIndex, edit: WorkspaceEdit): string[] {
  return Object.entries(edit.changes ?? {})
    .flatMap(([uri, list]) => list.map((e) => `${brief(index, [{ uri, range: e.range }])[0]} -> ${e.newText}`))
    .sort();
}

/** Cross-file findings of a file: [code, underlined text, message]. */
function crossFile(index: WorkspaceIndex, uri: string): [string, string, string][] {
  const file = index.fileOf(uri);
  assert.ok(file);
  return service
    .validate(file, settings, undefined, uri, { workspace: index })
    .filter((f) => ['dangling-reference', 'selector-selects-nothing', 'target-port-not-declared'].includes(f.code))
    .map((f) => [f.code, file.text.slice(f.start, f.end), f.message]);
}

describe('a custom resource whose CRD (in another file) embeds a pod template, across files', () => {
  it('reports a missing ConfigMap exactly as for a Deployment with the same pod, and nothing for the ones that exist', () => {
    const index = load();
    const webapp = crossFile(index, 'app/webapp.yaml');
    assert.deepEqual(webapp, [
      ['dangling-reference', 'missing-config', 'volumes[].configMap.name: ConfigMap "missing-config" is not defined in namespace "shop" of the workspace, which defines ConfigMap "shop-config" there.'],
    ]);
    assert.deepEqual(webapp, crossFile(index, 'app/deployment.yaml'));
    // The Service selects the WebApp's pods (its labels are read from the template) and targets its named port.
    assert.deepEqual(crossFile(index, 'app/service.yaml'), []);
  });

  it('without the pod rows of the CRDs the index would not see the pod (the control: what this change adds)', () => {
    const index = load(FILES, new WorkspaceIndex());
    assert.deepEqual(crossFile(index, 'app/webapp.yaml'), []);
    assert.deepEqual(index.resourcesOf('app/webapp.yaml')[0]?.facts.pods, []);
  });

  it('goes to definition, finds references and renames across files from the custom resource', () => {
    const index = load();
    const at = offsetOf(index, 'app/webapp.yaml', 'name: shop-config', 8);
    assert.deepEqual(brief(index, service.definition(index, 'app/webapp.yaml', at)), ['config/config.yaml:4:shop-config']);
    assert.deepEqual(brief(index, service.definition(index, 'app/webapp.yaml', offsetOf(index, 'app/webapp.yaml', 'serviceAccountName: shop', 21))), ['config/config.yaml:12:shop']);
    assert.deepEqual(brief(index, service.references(index, 'config/config.yaml', offsetOf(index, 'config/config.yaml', 'shop-config', 2), false)).sort(), [
      'app/deployment.yaml:30:shop-config',
      'app/webapp.yaml:27:shop-config',
    ]);
    const rename = service.rename(index, 'app/webapp.yaml', at, 'shop-settings');
    assert.ok('edit' in rename, JSON.stringify(rename));
    assert.deepEqual(edits(index, rename.edit), [
      'app/deployment.yaml:30:shop-config -> shop-settings',
      'app/webapp.yaml:27:shop-config -> shop-settings',
      'config/config.yaml:4:shop-config -> shop-settings',
    ]);
  });

  it('goes from the Service selector to the pod labels of the custom resource, and back', () => {
    const index = load();
    const selector = offsetOf(index, 'app/service.yaml', 'app: shop', 6);
    assert.deepEqual(brief(index, service.definition(index, 'app/service.yaml', selector)), ['app/webapp.yaml:10:shop']);
    const label = offsetOf(index, 'app/webapp.yaml', 'app: shop', 6);
    assert.deepEqual(brief(index, service.references(index, 'app/webapp.yaml', label, false)), ['app/service.yaml:8:shop']);
  });

  it('draws, beside the pod, the Service that routes to it and what it reads from other files', () => {
    const index = load();
    const file = index.fileOf('app/webapp.yaml');
    assert.ok(file);
    const [diagram] = service.topology(file, settings, { fileName: 'app/webapp.yaml', workspace: { index, uri: 'app/webapp.yaml', complete: true } });
    for (const line of [
      's0["Service shop<br/>in service.yaml<br/>ports 80#8594;http"]',
      's0 ==>|"port 80 to 8080 http"| c0',
      'r0[("ConfigMap shop-config<br/>in config.yaml")]',
      'r1[("ConfigMap missing-config<br/>missing in namespace #34;shop#34;")]',
      'r2 -.->|"serviceAccountName"| p0',
    ]) {
      assert.ok(diagram?.mermaid.includes(line), `${line}\n${diagram?.mermaid}`);
    }
  });

  it('follows the CRD: the custom resource read before its CRD gets its pods when the CRD comes, loses them when it goes', () => {
    const index = load(['app/webapp.yaml', 'config/config.yaml']);
    assert.deepEqual(index.referencesOf('app/webapp.yaml'), []);
    index.set('crds/crds.yaml', parseManifest(text('crds/crds.yaml')));
    assert.deepEqual(
      index.referencesOf('app/webapp.yaml').map((r) => `${r.facts.targetKind} ${r.namespace}/${r.facts.name}`),
      ['ConfigMap shop/shop-config', 'ConfigMap shop/missing-config', 'ServiceAccount shop/shop'],
    );
    const version = index.version;
    // An edit of another file changes nothing of the custom resource's facts.
    index.set('config/config.yaml', parseManifest(`${text('config/config.yaml')}\n`));
    assert.ok(index.version > version);
    assert.equal(index.referencesOf('app/webapp.yaml').length, 3);
    index.delete('crds/crds.yaml');
    assert.deepEqual(index.referencesOf('app/webapp.yaml'), []);
  });

  it('checks a CRD and its custom resource in one file alone too (no workspace given)', () => {
    const crd = text('crds/crds.yaml');
    const file = parseManifest(`${crd}\n---\n${text('app/webapp.yaml')}---\n${text('config/config.yaml')}`);
    const found = service.validate(file, settings, undefined, 'one.yaml').filter((f) => f.code === 'dangling-reference');
    assert.deepEqual(
      found.map((f) => file.text.slice(f.start, f.end)),
      ['missing-config'],
    );
  });

  it('the CLI (a folder of inputs) reports the custom resource as the Deployment, with the CRD in another file', async () => {
    const run = await runCli(['--format', 'json', '.'], { cwd: root });
    const report = JSON.parse(run.stdout) as JsonReport;
    const dangling = report.files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'dangling-reference').map((m) => `${f.path}:${m.line}:${m.column} ${m.message}`));
    const message = 'volumes[].configMap.name: ConfigMap "missing-config" is not defined in namespace "shop" of the workspace, which defines ConfigMap "shop-config" there.';
    assert.deepEqual(dangling, [`app/deployment.yaml:33:19 ${message}`, `app/webapp.yaml:30:19 ${message}`]);
  });
});

describe('kinds of the static table across files', () => {
  const workflow = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: build, namespace: ci}
spec:
  serviceAccountName: builder
  volumes:
    - name: settings
      configMap: {name: build-settings}
  templates:
    - name: main
      steps: [[{name: compile, template: compile}, {name: test, template: test}]]
    - name: compile
      metadata:
        labels: {role: compiler}
      container:
        image: golang:1.23
        envFrom:
          - configMapRef: {name: build-env}
        volumeMounts: [{name: settings, mountPath: /etc/build}]
    - name: test
      script:
        image: golang:1.23
        source: go test ./...
        env:
          - name: TOKEN
            valueFrom: {secretKeyRef: {name: test-token, key: token}}
        volumeMounts: [{name: settings, mountPath: /etc/build}]
      sidecars:
        - name: db
          image: postgres:16
          envFrom:
            - secretRef: {name: db-credentials}
`;
  const others = `apiVersion: v1
kind: ConfigMap
metadata: {name: build-env, namespace: ci}
---
apiVersion: v1
kind: Secret
metadata: {name: db-credentials, namespace: ci}
---
apiVersion: v1
kind: Service
metadata: {name: compiler, namespace: ci}
spec:
  selector: {role: compiler}
  ports: [{port: 80}]
`;

  it("reads an Argo template's container, script and sidecars, and the workflow's shared volumes once", () => {
    const index = service.createWorkspaceIndex();
    index.set('wf.yaml', parseManifest(workflow));
    index.set('others.yaml', parseManifest(others));
    assert.deepEqual(
      index.referencesOf('wf.yaml').map((r) => `${r.facts.kind.id} ${r.facts.targetKind} ${r.namespace}/${r.facts.name} at ${r.facts.path.join('.')}`),
      [
        'volume-config-map ConfigMap ci/build-settings at spec.volumes.0.configMap',
        'env-from-config-map ConfigMap ci/build-env at spec.templates.1.container.envFrom.0.configMapRef',
        'env-from-secret Secret ci/db-credentials at spec.templates.2.sidecars.0.envFrom.0.secretRef',
        'env-secret-key Secret ci/test-token at spec.templates.2.script.env.0.valueFrom.secretKeyRef',
      ],
    );
    const [reference] = index.referencesOf('wf.yaml').filter((r) => r.facts.name === 'build-env');
    assert.deepEqual(index.resolve(reference).map((r) => `${r.uri} ${r.facts.name}`), ['others.yaml build-env']);
    // The template's labels are in its own metadata (Argo): the Service selects that pod.
    assert.deepEqual(crossFile(index, 'others.yaml'), []);
    assert.deepEqual(crossFile(index, 'wf.yaml').map(([code, underlined]) => `${code} ${underlined}`), ['dangling-reference build-settings', 'dangling-reference test-token']);
  });
});
