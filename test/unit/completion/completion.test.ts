import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { complete } from '../../../server/src/core/features/completion';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { caret, toCrlf } from '../helpers';

const service = createLanguageService();
const settings = defaultSettings();

function completeAt(textWithCaret: string, options = {}): { list: CompletionList; text: string; offset: number } {
  const { text, offset } = caret(textWithCaret);
  return { list: complete(service, parseManifest(text), offset, settings, options), text, offset };
}

function labels(list: CompletionList): string[] {
  return list.items.map((i) => i.label);
}

function item(list: CompletionList, label: string): CompletionItem {
  const found = list.items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${labels(list).join(', ')}`);
  return found;
}

function newText(i: CompletionItem): string {
  return (i.textEdit as TextEdit).newText;
}

/** Applies an item's edits (main and additional) to the text, last edit first. */
function apply(text: string, i: CompletionItem): string {
  const file = parseManifest(text);
  const edits = [i.textEdit as TextEdit, ...(i.additionalTextEdits ?? [])].map((e) => ({
    start: file.lineIndex.offsetAt(e.range.start),
    end: file.lineIndex.offsetAt(e.range.end),
    text: e.newText,
  }));
  edits.sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of edits) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

function sorted(list: CompletionList): string[] {
  return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      ports:
        - name: http
          containerPort: 8080
      |
  volumes:
    - name: logs
      emptyDir: {}
    - name: config
      configMap:
        name: app-config
`;

test('keys at container level: only those not present, required first, with docs and type', () => {
  const { list } = completeAt(POD);
  const names = labels(list);
  assert.ok(names.includes('volumeMounts'));
  assert.ok(names.includes('resources'));
  assert.ok(!names.includes('name'), 'name is already there');
  assert.ok(!names.includes('image'), 'image is already there');
  assert.ok(!names.includes('ports'));
  const mounts = item(list, 'volumeMounts');
  assert.equal(mounts.detail, 'VolumeMount[]');
  assert.match(String((mounts.documentation as { value: string }).value), /volumes to mount/);
  assert.equal(newText(mounts), 'volumeMounts:\n        - name: $1\n          mountPath: $2');
});

test('required keys sort first', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - |
`);
  assert.equal(sorted(list).filter((l) => !/\(/.test(l))[0], 'name');
});

test('nested key inside a probe', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      readinessProbe:
        httpGet:
          path: /
          |
`);
  assert.ok(labels(list).includes('port'));
  assert.ok(labels(list).includes('scheme'));
  assert.ok(!labels(list).includes('path'));
  assert.equal(item(list, 'port').detail, 'string | integer (required)');
});

test('a partial key on its line is replaced by the completion', () => {
  const { list, text } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      volu|
`);
  const mounts = item(list, 'volumeMounts');
  const result = apply(text, mounts);
  assert.match(result, /\n {6}volumeMounts:\n {8}- name: \$1\n {10}mountPath: \$2\n$/);
});

test('after `- ` in a list of objects: keys of the new item', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      ports:
        - |
`);
  assert.ok(labels(list).includes('containerPort'));
  assert.ok(labels(list).includes('protocol'));
  assert.equal(sorted(list)[0], 'containerPort');
});

test('empty line in the pod spec offers pod keys not yet present', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
  |
`);
  assert.ok(labels(list).includes('initContainers'));
  assert.ok(labels(list).includes('volumes'));
  assert.ok(!labels(list).includes('containers'));
});

test('inside a flow map: keys not yet in it, inserted on one line', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      volumeMounts:
        - {name: logs, |}
`);
  assert.ok(labels(list).includes('mountPath'));
  assert.ok(!labels(list).includes('name'));
  assert.equal(newText(item(list, 'readOnly')), 'readOnly: ${1|true,false|}');
});

test('enum values: imagePullPolicy and protocol', () => {
  const pull = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      imagePullPolicy: |
`).list;
  assert.deepEqual(labels(pull).sort(), ['Always', 'IfNotPresent', 'Never']);
  const protocol = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      ports:
        - containerPort: 80
          protocol: T|
`);
  assert.deepEqual(labels(protocol.list).sort(), ['SCTP', 'TCP', 'UDP']);
  assert.equal(apply(protocol.text, item(protocol.list, 'TCP')).includes('protocol: TCP\n'), true);
});

test('boolean values', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      stdin: |
`);
  assert.deepEqual(labels(list), ['true', 'false']);
});

test('restartPolicy inside initContainers offers Always first', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: log-shipper
      image: fluent/fluent-bit:4.0.3
      restartPolicy: |
  containers:
    - name: app
      image: nginx:1.27.5
`);
  assert.equal(sorted(list)[0], 'Always');
  assert.equal(item(list, 'Always').preselect, true);
});

test('volumeMounts name offers the volumes of the same pod', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      volumeMounts:
        - name: |
  volumes:
    - name: logs
      emptyDir: {}
    - name: config
      configMap:
        name: app-config
---
apiVersion: v1
kind: Pod
metadata:
  name: other
spec:
  containers:
    - name: app
      image: nginx:1.27.5
  volumes:
    - name: elsewhere
      emptyDir: {}
`);
  assert.deepEqual(labels(list), ['logs', 'config']);
});

test('a probe port offers the container named ports', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      ports:
        - name: http
          containerPort: 8080
        - name: admin
          containerPort: 9000
      livenessProbe:
        httpGet:
          path: /
          port: |
`);
  assert.deepEqual(labels(list), ['http', 'admin']);
});

test('configMapKeyRef name offers ConfigMaps of other documents only', () => {
  const { list } = completeAt(`apiVersion: v1
kind: ConfigMap
metadata:
  name: app-settings
data:
  mode: fast
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      env:
        - name: MODE
          valueFrom:
            configMapKeyRef:
              name: |
`);
  assert.deepEqual(labels(list), ['app-settings']);
  const none = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      env:
        - name: TOKEN
          valueFrom:
            secretKeyRef:
              name: |
`).list;
  assert.deepEqual(labels(none), []);
});

test('image of a container named like a log shipper suggests pinned log-shipper images first', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: log-shipper
      image: |
      restartPolicy: Always
  containers:
    - name: app
      image: nginx:1.27.5
`);
  const first = sorted(list)[0];
  assert.match(first, /^fluent\/fluent-bit:\d+\.\d+\.\d+$/);
  assert.ok(labels(list).some((l) => l.startsWith('envoyproxy/envoy:v1.')));
  const proxy = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: auth
      image: |
`).list;
  assert.match(sorted(proxy)[0], /^quay\.io\/oauth2-proxy\/oauth2-proxy:v7\./);
});

test('multi-document file: completes in the document under the cursor, with its own kind', () => {
  const { list } = completeAt(`apiVersion: v1
kind: ConfigMap
metadata:
  name: a
data:
  x: y
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  |
---
apiVersion: v1
kind: Service
metadata:
  name: web
`);
  assert.ok(labels(list).includes('template'));
  assert.ok(labels(list).includes('replicas'));
  assert.equal(sorted(list)[0], 'selector');
});

test('CRLF file: same items, edits keep CRLF line breaks', () => {
  const { list, text } = completeAt(toCrlf(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      volu|
`));
  const mounts = item(list, 'volumeMounts');
  assert.equal(newText(mounts), 'volumeMounts:\r\n        - name: $1\r\n          mountPath: $2');
  const result = apply(text, mounts);
  assert.ok(!/[^\r]\n/.test(result), 'every line break is CRLF');
});

test('the file indentation style is followed: 4 spaces and flush lists', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
    name: web
spec:
    containers:
    - name: app
      image: nginx:1.27.5
      volumeMounts:
      - name: logs
        mountPath: /logs
      resources:
          |
    volumes:
    - name: logs
      emptyDir: {}
`);
  assert.ok(labels(list).includes('limits'));
  const { list: top } = completeAt(`apiVersion: v1
kind: Pod
metadata:
    name: web
spec:
    containers:
    - name: app
      image: nginx:1.27.5
      |
`);
  assert.equal(newText(item(top, 'ports')), 'ports:\n      - containerPort: $1');
  assert.equal(newText(item(top, 'resources')), 'resources:\n          $1');
});

test('top of an empty document: kinds with their apiVersion, and whole manifests', () => {
  const { list, text } = completeAt(`apiVersion: v1
kind: ConfigMap
metadata:
  name: a
---
|
`);
  const deployment = item(list, 'Deployment');
  assert.equal(deployment.detail, 'apps/v1');
  assert.equal(newText(deployment), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: $1');
  assert.ok(labels(list).includes('Pod with a native sidecar'));
  assert.ok(labels(list).includes('Job with a native sidecar'));
  assert.equal(sorted(list)[0], 'apiVersion');
  assert.match(apply(text, deployment), /---\napiVersion: apps\/v1\nkind: Deployment\n/);
});

test('kind value offers kinds of the apiVersion already written', () => {
  const { list } = completeAt(`apiVersion: apps/v1
kind: |
`);
  assert.ok(labels(list).includes('Deployment'));
  assert.ok(!labels(list).includes('Pod'));
});

test('without snippet support, plain text with the placeholder defaults', () => {
  const { list } = completeAt(POD, { snippets: false });
  const mounts = item(list, 'volumeMounts');
  assert.equal(mounts.insertTextFormat, 1);
  assert.equal(newText(mounts), 'volumeMounts:\n        - name: \n          mountPath: ');
});

test('container snippets after `- ` in initContainers are native sidecars and add the volumes they mount', () => {
  const { list, text } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - |
  containers:
    - name: app
      image: nginx:1.27.5
  volumes:
    - name: data
      emptyDir: {}
`);
  const fluent = item(list, 'Logging sidecar (Fluent Bit)');
  assert.match(newText(fluent), /^name: \$\{1:log-shipper\}\n {6}image: \$\{2:fluent\/fluent-bit:[\d.]+\}\n {6}restartPolicy: Always\n/);
  const result = apply(text, fluent);
  assert.match(result, /\n {4}- name: data\n {6}emptyDir: \{\}\n {4}- name: app-logs\n {6}emptyDir:\n {8}sizeLimit: 256Mi\n {4}- name: fluent-bit-config\n/);
  const parsed = parseManifest(result);
  assert.equal(parsed.slots[0].document.problems.length, 0, 'the result is valid YAML');
});

test('nothing to complete inside a comment or a block scalar header', () => {
  assert.deepEqual(completeAt(`apiVersion: v1\nkind: Pod\n# a comm|ent\n`).list.items, []);
});

test('bad input never throws', () => {
  const inputs = ['|', '- |', '{|', '[{|', 'a: [|', ':|', '- - - |', '\t|', 'apiVersion: v1\nkind: Pod\nspec:\n  containers: {|', '? |', 'a: "|', '   |   ', 'kind: Pod\napiVersion: v1\nspec:\n  - |\n'];
  for (const input of inputs) {
    assert.doesNotThrow(() => completeAt(input), input);
  }
});

test('right after `key:` the value is inserted after a space', () => {
  const { list, text } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      imagePullPolicy:|
`);
  assert.match(apply(text, item(list, 'IfNotPresent')), /imagePullPolicy: IfNotPresent\n/);
});

test('resource names inside requests/limits, also in nested flow maps', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      resources: {limits: {memory: 1Gi, |}}
`);
  assert.deepEqual(labels(list), ['cpu', 'ephemeral-storage']);
  assert.equal(newText(item(list, 'cpu')), 'cpu: ${1:100m}');
});

test('an empty line at the column of the container items offers whole containers with their dash', () => {
  const { list, text } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
    |
`);
  const envoy = item(list, 'Proxy sidecar (Envoy)');
  assert.match(newText(envoy), /^- name: \$\{1:envoy\}\n {6}image: /);
  assert.doesNotMatch(newText(envoy), /restartPolicy/, 'a classic sidecar in containers');
  assert.match(apply(text, envoy), /\n {2}volumes:\n {4}- name: envoy-config\n {6}configMap:\n {8}name: envoy-config/);
});

test('an exporter image follows the server next to it', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
    - name: mysql
      image: mysql:8.4.5
    - name: metrics-exporter
      image: |
`);
  assert.match(sorted(list)[0], /^prom\/mysqld-exporter:v/);
});

test('after `- ` in a list of enum strings: the values', () => {
  const { list } = completeAt(`apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes:
    - ReadWriteOnce
    - Read|
`);
  assert.deepEqual(labels(list).sort(), ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']);
});

test('a kind chosen with no apiVersion yet writes the matching apiVersion too; workloads come first', () => {
  const { list, text } = completeAt(`kind: Dep|
metadata:
  name: web
`);
  assert.equal(sorted(list)[0], 'Pod');
  assert.equal(apply(text, item(list, 'Deployment')), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
  const crlf = completeAt(toCrlf(`metadata:\n  name: web\nkind: |\n`));
  assert.equal(apply(crlf.text, item(crlf.list, 'CronJob')), toCrlf('metadata:\n  name: web\napiVersion: batch/v1\nkind: CronJob\n'));
});

test('configMapKeyRef key offers the data keys of the ConfigMap it names', () => {
  const { list } = completeAt(`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      env:
        - name: MODE
          valueFrom:
            configMapKeyRef:
              name: app-settings
              key: |
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-settings
data:
  mode: fast
  level: info
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: other
data:
  unrelated: x
`);
  assert.deepEqual(labels(list), ['mode', 'level']);
});
