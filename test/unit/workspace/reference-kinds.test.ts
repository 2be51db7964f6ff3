import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { REFERENCE_KINDS } from '../../../server/src/core/workspace/index/reference-kinds';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index/workspace-index';
import { toCrlf } from '../helpers';

const POD_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n';

/** One case per row of REFERENCE_KINDS: the manifest, and the reference it must yield (`text` is what the span covers). */
interface Case {
  row: string;
  text: string;
  expected: { targetKind: string; name: string; namespace: string; optional?: boolean; port?: number | string }[];
}

const CASES: Case[] = [
  { row: 'volume-config-map', text: `${POD_HEAD}  containers: [{name: app, image: app}]\n  volumes:\n    - name: conf\n      configMap:\n        name: app-config\n        optional: true\n`, expected: [{ targetKind: 'ConfigMap', name: 'app-config', namespace: 'shop', optional: true }] },
  { row: 'volume-secret', text: `${POD_HEAD}  containers: [{name: app, image: app}]\n  volumes:\n    - name: certs\n      secret:\n        secretName: proxy-certs\n`, expected: [{ targetKind: 'Secret', name: 'proxy-certs', namespace: 'shop' }] },
  {
    row: 'projected-config-map',
    text: `${POD_HEAD}  containers: [{name: app, image: app}]\n  volumes:\n    - name: all\n      projected:\n        sources:\n          - configMap:\n              name: shipper-config\n          - serviceAccountToken: {path: token}\n`,
    expected: [{ targetKind: 'ConfigMap', name: 'shipper-config', namespace: 'shop' }],
  },
  { row: 'projected-secret', text: `${POD_HEAD}  containers: [{name: app, image: app}]\n  volumes:\n    - name: all\n      projected:\n        sources:\n          - secret: {name: tls}\n`, expected: [{ targetKind: 'Secret', name: 'tls', namespace: 'shop' }] },
  { row: 'volume-claim', text: `${POD_HEAD}  containers: [{name: app, image: app}]\n  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: data-0\n`, expected: [{ targetKind: 'PersistentVolumeClaim', name: 'data-0', namespace: 'shop' }] },
  { row: 'env-from-config-map', text: `${POD_HEAD}  initContainers:\n    - name: shipper\n      image: fluent-bit\n      envFrom:\n        - configMapRef: {name: shipper-env}\n  containers: [{name: app, image: app}]\n`, expected: [{ targetKind: 'ConfigMap', name: 'shipper-env', namespace: 'shop' }] },
  { row: 'env-from-secret', text: `${POD_HEAD}  containers:\n    - name: app\n      image: app\n      envFrom:\n        - secretRef:\n            name: app-env\n            optional: false\n`, expected: [{ targetKind: 'Secret', name: 'app-env', namespace: 'shop', optional: false }] },
  { row: 'env-config-map-key', text: `${POD_HEAD}  containers:\n    - name: app\n      image: app\n      env:\n        - name: LEVEL\n          valueFrom:\n            configMapKeyRef: {name: app-config, key: level}\n`, expected: [{ targetKind: 'ConfigMap', name: 'app-config', namespace: 'shop' }] },
  { row: 'env-secret-key', text: `${POD_HEAD}  ephemeralContainers:\n    - name: debug\n      image: busybox\n      env:\n        - name: TOKEN\n          valueFrom:\n            secretKeyRef: {name: api-token, key: token}\n  containers: [{name: app, image: app}]\n`, expected: [{ targetKind: 'Secret', name: 'api-token', namespace: 'shop' }] },
  { row: 'image-pull-secret', text: `${POD_HEAD}  imagePullSecrets:\n    - name: registry\n  containers: [{name: app, image: app}]\n`, expected: [{ targetKind: 'Secret', name: 'registry', namespace: 'shop' }] },
  { row: 'service-account', text: `${POD_HEAD}  serviceAccountName: web\n  containers: [{name: app, image: app}]\n`, expected: [{ targetKind: 'ServiceAccount', name: 'web', namespace: 'shop' }] },
  { row: 'service-account-deprecated', text: `${POD_HEAD}  serviceAccount: legacy\n  containers: [{name: app, image: app}]\n`, expected: [{ targetKind: 'ServiceAccount', name: 'legacy', namespace: 'shop' }] },
  { row: 'priority-class', text: `${POD_HEAD}  priorityClassName: high\n  containers: [{name: app, image: app}]\n`, expected: [{ targetKind: 'PriorityClass', name: 'high', namespace: '' }] },
  { row: 'runtime-class', text: `${POD_HEAD}  runtimeClassName: gvisor\n  containers: [{name: app, image: app}]\n`, expected: [{ targetKind: 'RuntimeClass', name: 'gvisor', namespace: '' }] },
  {
    row: 'ingress-backend',
    text: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port: {name: http}\n          - path: /api\n            pathType: Prefix\n            backend:\n              service: {name: api, port: {number: 8080}}\n',
    expected: [
      { targetKind: 'Service', name: 'web', namespace: 'default', port: 'http' },
      { targetKind: 'Service', name: 'api', namespace: 'default', port: 8080 },
    ],
  },
  { row: 'ingress-default-backend', text: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: edge}\nspec:\n  defaultBackend:\n    service: {name: fallback, port: {number: 80}}\n', expected: [{ targetKind: 'Service', name: 'fallback', namespace: 'edge', port: 80 }] },
  {
    row: 'http-route-backend',
    text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web}\nspec:\n  rules:\n    - backendRefs:\n        - name: web\n          port: 8080\n        - name: other\n          namespace: shop\n          port: 80\n        - name: bucket\n          group: storage.example.com\n          kind: Bucket\n',
    expected: [
      { targetKind: 'Service', name: 'web', namespace: 'default', port: 8080 },
      { targetKind: 'Service', name: 'other', namespace: 'shop', port: 80 },
    ],
  },
  { row: 'scale-target', text: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: shop}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n', expected: [{ targetKind: 'Deployment', name: 'web', namespace: 'shop' }] },
  { row: 'vpa-target', text: 'apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata: {name: web}\nspec:\n  targetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}\n', expected: [{ targetKind: 'StatefulSet', name: 'db', namespace: 'default' }] },
  {
    row: 'binding-subject',
    text: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: read, namespace: shop}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}\nsubjects:\n  - kind: ServiceAccount\n    name: web\n  - kind: ServiceAccount\n    name: ci\n    namespace: tools\n  - kind: User\n    name: jane\n',
    expected: [
      { targetKind: 'ServiceAccount', name: 'web', namespace: 'shop' },
      { targetKind: 'ServiceAccount', name: 'ci', namespace: 'tools' },
    ],
  },
  { row: 'binding-role', text: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: read}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\n', expected: [{ targetKind: 'ClusterRole', name: 'view', namespace: '' }] },
];

function referencesOfRow(text: string, row: string) {
  const index = WorkspaceIndex.of('file:///case.yaml', parseManifest(text));
  return index
    .referencesOf('file:///case.yaml')
    .filter((r) => r.facts.kind.id === row)
    .map((r) => ({
      targetKind: r.facts.targetKind,
      name: r.facts.name,
      namespace: r.namespace,
      text: text.slice(r.source.offset + r.facts.span.start, r.source.offset + r.facts.span.end),
      ...(r.facts.kind.optionalKey && /optional/.test(text) ? { optional: r.facts.optional } : {}),
      ...(r.facts.port ? { port: r.facts.port.value } : {}),
    }));
}

describe('reference kinds (one case per row of the table)', () => {
  it('has a case for every row, and every row is one case', () => {
    assert.deepEqual(CASES.map((c) => c.row).sort(), REFERENCE_KINDS.map((r) => r.id).sort());
  });

  for (const { row, text, expected } of CASES) {
    it(`${row}: reads the name, its exact range and the target's namespace`, () => {
      assert.deepEqual(
        referencesOfRow(text, row),
        expected.map((e) => ({ ...e, text: e.name })),
      );
    });

    it(`${row}: the same with CRLF line ends, inside a Deployment's template where the row is a pod's`, () => {
      const crlf = toCrlf(text);
      assert.deepEqual(referencesOfRow(crlf, row), referencesOfRow(text, row));
      const row_ = REFERENCE_KINDS.find((r) => r.id === row);
      if (typeof row_?.from !== 'string') return;
      const spec = text.slice(text.indexOf('spec:\n') + 'spec:\n'.length).replace(/^/gm, '      ');
      const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n${spec}`;
      assert.deepEqual(referencesOfRow(deployment, row), referencesOfRow(text, row));
    });
  }

  it('resolves a reference to the resource of its kind, namespace and name in another file, and back', () => {
    const index = new WorkspaceIndex();
    index.set('file:///pod.yaml', parseManifest(CASES[0].text));
    index.set('file:///config.yaml', parseManifest('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\n  namespace: shop\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\n'));
    const [reference] = index.referencesOf('file:///pod.yaml');
    const targets = index.resolve(reference);
    assert.deepEqual(targets.map((t) => [t.uri, t.namespace, t.facts.name]), [['file:///config.yaml', 'shop', 'app-config']]);
    assert.deepEqual(index.referencesTo(targets[0]).map((r) => r.source.facts.name), ['web']);
    // The ConfigMap without a namespace lives in `default`: nothing references it.
    const other = index.find('ConfigMap', 'default', 'app-config');
    assert.equal(other.length, 1);
    assert.deepEqual(index.referencesTo(other[0]), []);
  });

  it('follows edits and removals of files', () => {
    const index = new WorkspaceIndex();
    index.set('file:///pod.yaml', parseManifest(CASES[0].text));
    index.set('file:///config.yaml', parseManifest('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config, namespace: shop}\n'));
    const [reference] = index.referencesOf('file:///pod.yaml');
    assert.equal(index.resolve(reference).length, 1);
    index.set('file:///config.yaml', parseManifest('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-konfig, namespace: shop}\n'));
    assert.equal(index.resolve(reference).length, 0);
    assert.deepEqual(index.ofKind('ConfigMap', 'shop').map((r) => r.facts.name), ['app-konfig']);
    index.delete('file:///config.yaml');
    assert.deepEqual(index.ofKind('ConfigMap', 'shop'), []);
    index.delete('file:///pod.yaml');
    assert.equal(index.size, 0);
  });

  it('keeps a custom kind that shares a built-in kind name apart from it (Knative Service is not a core Service)', () => {
    const index = new WorkspaceIndex();
    index.set('file:///knative.yaml', parseManifest('apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: hello}\nspec:\n  template:\n    spec:\n      containers: [{image: hello}]\n'));
    index.set('file:///route.yaml', parseManifest(CASES.find((c) => c.row === 'http-route-backend')?.text ?? ''));
    // No core Service in the workspace: the route's backends are managed elsewhere, so nothing is compared with them.
    assert.deepEqual(index.ofKind('Service', 'default'), []);
    assert.deepEqual(index.ofKind('Service.serving.knative.dev', 'default').map((r) => r.facts.name), ['hello']);
    // A wrong built-in apiVersion keeps the kind (the schema reports the apiVersion, not the index).
    index.set('file:///svc.yaml', parseManifest('apiVersion: v2\nkind: Service\nmetadata: {name: web}\n'));
    assert.deepEqual(index.ofKind('Service', 'default').map((r) => r.facts.name), ['web']);
  });

  it('puts objects without a namespace in the file default (a kustomization namespace) or `default`', () => {
    const index = new WorkspaceIndex();
    index.set('file:///a.yaml', parseManifest('apiVersion: v1\nkind: Secret\nmetadata: {name: a}\n'), { defaultNamespace: 'prod' });
    index.set('file:///b.yaml', parseManifest('apiVersion: v1\nkind: Secret\nmetadata: {name: b, namespace: explicit}\n'), { defaultNamespace: 'prod' });
    index.set('file:///c.yaml', parseManifest('apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high, namespace: ignored}\nvalue: 1\n'), { defaultNamespace: 'prod' });
    assert.deepEqual([...index.resources()].map((r) => [r.facts.name, r.namespace]), [['a', 'prod'], ['b', 'explicit'], ['high', '']]);
  });

  it('reads the items of a kind: List at their offsets in the list', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: listed\n';
    const index = WorkspaceIndex.of('file:///list.yaml', parseManifest(text));
    const [resource] = index.resourcesOf('file:///list.yaml');
    assert.equal(resource.facts.kind, 'ConfigMap');
    assert.equal(text.slice(resource.offset + (resource.facts.nameSpan?.start ?? 0), resource.offset + (resource.facts.nameSpan?.end ?? 0)), 'listed');
  });
});

describe('kustomize generators', () => {
  it('index the ConfigMaps and Secrets a kustomization generates, in its namespace, so references to them resolve', () => {
    const kustomization = 'namespace: shop\nresources: [deployment.yaml]\nconfigMapGenerator:\n  - name: app-config\n    literals: [level=info]\nsecretGenerator:\n  - name: app-secret\n    namespace: vault\n    literals: [token=x]\n';
    const index = new WorkspaceIndex();
    index.set('file:///k/kustomization.yaml', parseManifest(kustomization));
    assert.deepEqual(
      [...index.resources()].map((r) => [r.facts.kind, r.namespace, r.facts.name, kustomization.slice(r.offset + (r.facts.nameSpan?.start ?? 0), r.offset + (r.facts.nameSpan?.end ?? 0))]),
      [['ConfigMap', 'shop', 'app-config', 'app-config'], ['Secret', 'vault', 'app-secret', 'app-secret']],
    );
  });
});
