import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index/workspace-index';

const service = createLanguageService();

const deployment = (name: string, configMap: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27.3\n          envFrom:\n            - configMapRef:\n                name: ${configMap}\n`;
const configMap = (name: string, namespace?: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}`;

function namespaces(index: WorkspaceIndex): string[] {
  return [...index.resources()].map((r) => `${r.uri.replace('file:///w/', '')} ${r.facts.kind}/${r.namespace}/${r.facts.name}`).sort();
}

function danglingIn(index: WorkspaceIndex, uri: string): string[] {
  const file = index.fileOf(uri);
  assert.ok(file, uri);
  return service.validator.validate(file, defaultSettings(), uri, { workspace: index }).filter((f) => f.code === 'dangling-reference').map((f) => f.message);
}

describe('kustomization namespace: in the workspace index', () => {
  it('puts the objects of the files a kustomization lists in its namespace, explicit ones too (kustomize overrides them)', () => {
    const index = new WorkspaceIndex();
    index.set('file:///w/app/kustomization.yaml', parseManifest('namespace: shop\nresources:\n  - deployment.yaml\n  - ../shared/config.yaml\n  - https://github.com/org/repo//base?ref=v1\n'));
    index.set('file:///w/app/deployment.yaml', parseManifest(deployment('web', 'settings')));
    index.set('file:///w/shared/config.yaml', parseManifest(`${configMap('settings', 'elsewhere')}---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: high\nvalue: 1\n`));
    index.set('file:///w/loose.yaml', parseManifest(configMap('loose')));
    assert.deepEqual(namespaces(index), [
      'app/deployment.yaml Deployment/shop/web',
      'loose.yaml ConfigMap/default/loose',
      'shared/config.yaml ConfigMap/shop/settings',
      'shared/config.yaml PriorityClass//high',
    ]);
    const [reference] = index.referencesOf('file:///w/app/deployment.yaml');
    assert.equal(index.resolve(reference).length, 1);
  });

  it('moves files in whatever order they come, and back when the kustomization changes or goes', () => {
    const index = new WorkspaceIndex();
    index.set('file:///w/app/deployment.yaml', parseManifest(deployment('web', 'settings')));
    assert.deepEqual(namespaces(index), ['app/deployment.yaml Deployment/default/web']);
    index.set('file:///w/app/kustomization.yaml', parseManifest('namespace: shop\nresources: [deployment.yaml]\n'));
    assert.deepEqual(namespaces(index), ['app/deployment.yaml Deployment/shop/web']);
    index.set('file:///w/app/kustomization.yaml', parseManifest('namespace: staging\nresources: [deployment.yaml]\n'));
    assert.deepEqual(namespaces(index), ['app/deployment.yaml Deployment/staging/web']);
    const version = index.version;
    index.delete('file:///w/app/kustomization.yaml');
    assert.deepEqual(namespaces(index), ['app/deployment.yaml Deployment/default/web']);
    assert.ok(index.version > version);
  });

  it('an overlay namespace wins over its base; a base of two overlays is in both namespaces, and generated ConfigMaps follow', () => {
    const index = new WorkspaceIndex();
    index.set('file:///w/base/kustomization.yaml', parseManifest('namespace: base-ns\nresources: [deployment.yaml]\nconfigMapGenerator:\n  - name: settings\n    literals: [a=b]\n'));
    index.set('file:///w/base/deployment.yaml', parseManifest(deployment('web', 'settings')));
    index.set('file:///w/overlays/dev/kustomization.yaml', parseManifest('namespace: dev\nresources: [../../base]\n'));
    index.set('file:///w/overlays/prod/kustomization.yml', parseManifest('namespace: prod\nresources:\n  - ../../base/\n  - worker.yaml\n'));
    index.set('file:///w/overlays/prod/worker.yaml', parseManifest(deployment('worker', 'settings')));
    assert.deepEqual(namespaces(index), [
      'base/deployment.yaml Deployment/dev/web',
      'base/deployment.yaml Deployment/prod/web',
      'base/kustomization.yaml ConfigMap/dev/settings',
      'base/kustomization.yaml ConfigMap/prod/settings',
      'overlays/prod/worker.yaml Deployment/prod/worker',
    ]);
    // The overlay's own resource finds the base's generated ConfigMap in the overlay's namespace.
    assert.deepEqual(danglingIn(index, 'file:///w/overlays/prod/worker.yaml'), []);
    assert.deepEqual(danglingIn(index, 'file:///w/base/deployment.yaml'), []);
  });

  it('reports a dangling reference of a file built into two namespaces once', () => {
    const index = new WorkspaceIndex();
    index.set('file:///w/base/kustomization.yaml', parseManifest('resources: [deployment.yaml, config.yaml]\n'));
    index.set('file:///w/base/deployment.yaml', parseManifest(deployment('web', 'setings')));
    index.set('file:///w/base/config.yaml', parseManifest(configMap('settings')));
    index.set('file:///w/dev/kustomization.yaml', parseManifest('namespace: dev\nresources: [../base]\n'));
    index.set('file:///w/prod/kustomization.yaml', parseManifest('namespace: prod\nresources: [../base]\n'));
    assert.deepEqual(danglingIn(index, 'file:///w/base/deployment.yaml'), [
      'envFrom[].configMapRef.name: ConfigMap "setings" is not defined in namespace "dev" of the workspace, which defines ConfigMap "settings" there. Did you mean "settings"?',
    ]);
  });

  it('survives kustomizations that list each other', () => {
    const index = new WorkspaceIndex();
    index.set('file:///w/a/kustomization.yaml', parseManifest('namespace: a\nresources: [../b, one.yaml]\n'));
    index.set('file:///w/b/kustomization.yaml', parseManifest('namespace: b\nresources: [../a]\n'));
    index.set('file:///w/a/one.yaml', parseManifest(`${configMap('one')}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n`));
    // A cluster-scoped object is one resource, whichever namespaces the file is built into.
    assert.deepEqual(namespaces(index), ['a/one.yaml ClusterRole//reader', 'a/one.yaml ConfigMap/a/one', 'a/one.yaml ConfigMap/b/one']);
  });
});
