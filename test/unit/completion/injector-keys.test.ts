import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCrlf } from '../helpers';
import { apply, completeAt, item, labels, newText } from './harness';
import { INJECTORS } from '../../../server/src/core/model/injectors';

/* Completion of the injectors' labels and annotations (model/injector-keys-*.ts) in a pod's or pod template's metadata. */

const deployment = (metadata: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    team: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
${metadata}
    spec:
      containers:
        - name: web
          image: nginx:1.27.5
`;

test('pod template annotations: the injectors\' keys not yet present, with their docs and source', () => {
  const { list } = completeAt(deployment('      annotations:\n        sidecar.istio.io/nativeSidecar: "true"\n        |'));
  const all = labels(list);
  assert.ok(all.includes('proxy.istio.io/config'));
  assert.ok(all.includes('config.linkerd.io/proxy-await'));
  assert.ok(all.includes('vault.hashicorp.com/agent-init-first'));
  assert.ok(all.includes('linkerd.io/inject'));
  assert.ok(!all.includes('sidecar.istio.io/nativeSidecar'), 'a key already present is not offered again');
  assert.ok(!all.includes('sidecar.istio.io/status'), 'keys the injector writes are not offered');
  const await_ = item(list, 'config.linkerd.io/proxy-await');
  assert.equal(newText(await_), 'config.linkerd.io/proxy-await: "${1|enabled,disabled|}"');
  assert.equal(await_.detail, 'Linkerd annotation');
  const docs = (await_.documentation as { value: string }).value;
  assert.match(docs, /The application container will not start until the proxy is ready/);
  assert.match(docs, /\[Source\]\(https:\/\/linkerd\.io\/2-edge\/reference\/proxy-configuration\/\)/);
  const deprecated = item(list, 'sidecar.istio.io/inject');
  assert.deepEqual(deprecated.tags, [1]);
  assert.equal(deprecated.detail, 'Istio annotation (deprecated)');
});

test('labels: only label keys (the Istio inject label, istio.io/rev), not annotations', () => {
  const { list } = completeAt(deployment('      labels:\n        app: web\n        |'));
  const all = labels(list);
  assert.ok(all.includes('sidecar.istio.io/inject'));
  assert.ok(all.includes('istio.io/rev'));
  assert.ok(!all.includes('proxy.istio.io/config'));
  assert.equal(newText(item(list, 'sidecar.istio.io/inject')), 'sidecar.istio.io/inject: "${1|true,false|}"');
});

test('a prefix key takes a name tab stop; without snippet support it inserts plain text', () => {
  const text = deployment('      annotations:\n        vault.hashicorp.com/agent-inject: "true"\n        vault.hashicorp.com/agent-inject-sec|');
  const { list } = completeAt(text);
  const secret = item(list, 'vault.hashicorp.com/agent-inject-secret-<name>');
  assert.equal(newText(secret), 'vault.hashicorp.com/agent-inject-secret-${1:name}: "$2"');
  const plain = completeAt(text, { snippets: false }).list;
  assert.equal(newText(item(plain, 'vault.hashicorp.com/agent-inject-secret-<name>')), 'vault.hashicorp.com/agent-inject-secret-name: ""');
});

test('not offered in the workload\'s own metadata, in a Service, or in a container', () => {
  const own = completeAt(deployment('      labels:\n        app: web').replace('    team: web\n', '    team: web\n    |\n')).list;
  assert.ok(!labels(own).includes('proxy.istio.io/config'));
  const service = completeAt('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    |\n').list;
  assert.ok(!labels(service).includes('proxy.istio.io/config'));
});

test('a Pod\'s own annotations and a CronJob\'s pod template get them too', () => {
  const pod = completeAt('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    |\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27.5\n').list;
  assert.ok(labels(pod).includes('vault.hashicorp.com/agent-pre-populate-only'));
  const cron = completeAt(`apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            |
        spec:
          restartPolicy: Never
          containers:
            - name: a
              image: busybox:1.37.0
`).list;
  assert.ok(labels(cron).includes('sidecar.istio.io/nativeSidecar'));
});

test('values of a known key: quoted, or closing the quote the user opened; CRLF kept', () => {
  const bare = completeAt(deployment('      annotations:\n        config.linkerd.io/proxy-await: |')).list;
  assert.deepEqual(labels(bare), ['enabled', 'disabled']);
  assert.equal(newText(item(bare, 'disabled')), '"disabled"');
  const afterColon = completeAt(deployment('      annotations:\n        config.linkerd.io/proxy-await:|')).list;
  assert.equal(newText(item(afterColon, 'enabled')), ' "enabled"');
  const opened = completeAt(deployment('      annotations:\n        sidecar.istio.io/nativeSidecar: "tr|'));
  const result = apply(opened.text, item(opened.list, 'true'));
  assert.match(result, /\n {8}sidecar\.istio\.io\/nativeSidecar: "true"\n/);
  const crlf = completeAt(toCrlf(deployment('      labels:\n        sidecar.istio.io/inject: |')));
  assert.match(apply(crlf.text, item(crlf.list, 'false')), /sidecar\.istio\.io\/inject: "false"\r\n/);
  const prefixed = completeAt(deployment('      annotations:\n        vault.hashicorp.com/error-on-missing-key-db: |')).list;
  assert.deepEqual(labels(prefixed), ['true', 'false']);
  const free = completeAt(deployment('      annotations:\n        vault.hashicorp.com/role: |')).list;
  assert.deepEqual(labels(free), [], 'a key with no listed values offers none (and nothing from elsewhere)');
});

test('every row has a doc sentence and a source link, and no key appears twice in one map', () => {
  for (const injector of INJECTORS) {
    const seen = new Set<string>();
    for (const key of injector.keys) {
      assert.ok(key.doc.trim().length > 10, `${key.key}: doc`);
      assert.match(key.source, /^https:\/\//, `${key.key}: source`);
      const id = `${key.in}:${key.key}`;
      assert.ok(!seen.has(id), `${id} twice`);
      seen.add(id);
      if (key.default !== undefined && key.values) assert.ok(key.values.includes(key.default), `${key.key}: default among the values`);
    }
  }
});

test('a Namespace’s metadata: the keys the injectors read there (istio-injection, istio.io/rev, linkerd.io/inject and Linkerd’s inherited config), not pod-only ones', () => {
  const namespace = (metadata: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n${metadata}`;
  const labelKeys = labels(completeAt(namespace('  labels:\n    team: shop\n    |\n')).list);
  assert.ok(labelKeys.includes('istio-injection'));
  assert.ok(labelKeys.includes('istio.io/rev'));
  assert.ok(!labelKeys.includes('sidecar.istio.io/inject'), 'the pod label is not read on a Namespace');
  const injection = item(completeAt(namespace('  labels:\n    |\n')).list, 'istio-injection');
  assert.equal(newText(injection), 'istio-injection: "${1|enabled,disabled|}"');
  assert.match((injection.documentation as { value: string }).value, /Read on a Namespace, for the pods in it/);
  const annotationKeys = labels(completeAt(namespace('  annotations:\n    |\n')).list);
  assert.ok(annotationKeys.includes('linkerd.io/inject'));
  assert.ok(annotationKeys.includes('config.linkerd.io/proxy-enable-native-sidecar'));
  assert.ok(annotationKeys.includes('config.alpha.linkerd.io/proxy-enable-native-sidecar'));
  assert.ok(!annotationKeys.includes('config.beta.linkerd.io/proxy-enable-native-sidecar'), 'Linkerd does not copy the beta key from a Namespace');
  assert.ok(!annotationKeys.includes('vault.hashicorp.com/agent-inject'), 'Vault reads the pod only');
  assert.ok(!annotationKeys.includes('sidecar.istio.io/nativeSidecar'));
  assert.deepEqual(labels(completeAt(namespace('  annotations:\n    linkerd.io/inject: |\n')).list), ['enabled', 'disabled', 'ingress']);
  assert.deepEqual(labels(completeAt('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    |\n').list).filter((l) => l.includes('istio')), [], 'not on other kinds');
  const pod = labels(completeAt(deployment('      labels:\n        app: web\n        |')).list);
  assert.ok(!pod.includes('istio-injection'), 'the namespace label is not offered on a pod');
});
