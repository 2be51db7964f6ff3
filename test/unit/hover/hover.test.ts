import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../../server/src/core/features/hover';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { caret, toCrlf } from '../helpers';

const service = createLanguageService();

function hoverAt(textWithCaret: string, settings = defaultSettings({ kubernetesVersion: '1.33' })) {
  const { text, offset } = caret(textWithCaret);
  const file = parseManifest(text);
  const result = hover(service, file, offset, settings);
  return { result, text, file, markdown: result ? (result.contents as MarkupContent).value : '' };
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: migrate
      image: busybox:1.37.0
      resources:
        requests:
          cpu: "1"
          memory: 512Mi
    - name: log-shipper
      image: fluent/fluent-bit:4.0.3
      restartPolicy: Always
      resources:
        requests:
          cpu: 100m
          memory: 64Mi
    - name: proxy
      image: envoyproxy/envoy:v1.34.1
      restartPolicy: Always
      resources:
        requests:
          cpu: 200m
          memory: 128Mi
  containers:
    - name: app
      image: nginx:1.27.5
      resources:
        requests:
          cpu: 250m
          memory: 256Mi
    - name: tailer
      image: busybox:1.37.0
      command: ["sh", "-c", "tail -f /var/log/app.log"]
`;

test('a key shows its schema description, type, required or not, and the Kubernetes versions', () => {
  const { markdown, result, file } = hoverAt(POD.replace('      restartPolicy: Always\n      resources:\n        requests:\n          cpu: 100m', '      restart|Policy: Always\n      resources:\n        requests:\n          cpu: 100m'));
  assert.match(markdown, /\*\*restartPolicy\*\*: `string` — optional/);
  assert.match(markdown, /RestartPolicy defines the restart behavior/);
  assert.match(markdown, /Checked against Kubernetes 1\.33 \(the target\): fields, feature gates, rules and apiVersions follow it; field docs from the 1\.36 schema/);
  assert.ok(result?.range);
  assert.equal(file.text.split('\n')[result.range.start.line].slice(result.range.start.character, result.range.end.character), 'restartPolicy');
  const required = hoverAt(POD.replace('  containers:\n    - name: app', '  containers:\n    - na|me: app')).markdown;
  assert.match(required, /\*\*name\*\*: `string` — required/);
});

test('a container name shows its role: native sidecar #n, init container #n, app, classic sidecar', () => {
  assert.match(hoverAt(POD.replace('name: proxy', 'name: pro|xy')).markdown, /native sidecar #2 in start order/);
  assert.match(hoverAt(POD.replace('name: log-shipper', 'name: log-|shipper')).markdown, /native sidecar #1 in start order/);
  assert.match(hoverAt(POD.replace('name: migrate', 'name: mi|grate')).markdown, /init container #1/);
  assert.match(hoverAt(POD.replace('name: app', 'name: a|pp')).markdown, /\*\*Container `app`\*\*: app container\./);
  assert.match(hoverAt(POD.replace('name: tailer', 'name: tai|ler')).markdown, /classic sidecar \(unknown, by command `tail -f`\)/);
});

test('containers, initContainers and the pod spec key show effective resources (KEP-753) and start/stop order', () => {
  const { markdown } = hoverAt(POD.replace('  containers:', '  contai|ners:'));
  // init peak: migrate alone 1 CPU / 512Mi (no sidecar before it); running: 100m+200m+250m = 550m, 64+128+256 = 448Mi
  assert.match(markdown, /requests: cpu \*\*1\*\* \(while init container `migrate` runs\), memory \*\*512Mi\*\* \(while init container `migrate` runs\)/);
  assert.match(markdown, /limits: cpu unbounded \(a container has no limit\), memory unbounded/);
  assert.match(markdown, /\*\*Start order\*\*: `migrate` \(init\) → `log-shipper` \(sidecar #1\) → `proxy` \(sidecar #2\) → `app` \+ `tailer` \(together\)/);
  assert.match(markdown, /\*\*Stop order\*\*: `app` \+ `tailer` → `proxy` → `log-shipper`/);
  // Moving the big init container after the sidecars makes them run alongside it.
  const reordered = POD.replace(/ {4}- name: migrate\n(?: {6}.*\n)+?(?= {4}- name: log-shipper)/, '').replace('  containers:', `    - name: migrate
      image: busybox:1.37.0
      resources:
        requests:
          cpu: "1"
          memory: 512Mi
  contai|ners:`);
  assert.match(hoverAt(reordered).markdown, /requests: cpu \*\*1300m\*\* \(while init container `migrate` runs\), memory \*\*704Mi\*\*/);
  assert.match(hoverAt(POD.replace('spec:\n  initContainers', 'sp|ec:\n  initContainers')).markdown, /Effective pod resources/);
});

test('a rule diagnostic shows the rule summary and a link to its page', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      volumeMounts:
        - name: lo|gs
          mountPath: /logs
`;
  const settings = defaultSettings({ docsBaseUrl: 'https://example.test/docs/rules/' });
  const { markdown } = hoverAt(text, settings);
  assert.match(markdown, /\*\*undefined-volume\*\* \(error\): /);
  assert.match(markdown, /\[rule documentation\]\(https:\/\/example\.test\/docs\/rules\/undefined-volume\.md\)/);
});

test('hover works in the second document of a CRLF file', () => {
  const { markdown, result } = hoverAt(toCrlf(`apiVersion: v1
kind: ConfigMap
metadata:
  name: a
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  repl|icas: 2
`));
  assert.match(markdown, /\*\*replicas\*\*: `integer` — optional/);
  assert.equal(result?.range?.start.line, 10);
  assert.equal(result?.range?.start.character, 2);
});

test('no hover on plain values outside Kubernetes objects, and no crash on broken YAML', () => {
  assert.equal(hoverAt('a: |b\n').result, undefined);
  for (const input of ['|', '{|', 'kind: Pod\napiVersion: v1\nspec: [|', '- - |', 'a: *b|']) assert.doesNotThrow(() => hoverAt(input), input);
});

test('the dash of a container item shows the container role too', () => {
  assert.match(hoverAt(POD.replace('    - name: proxy', '    |- name: proxy')).markdown, /\*\*Container `proxy`\*\*: native sidecar #2/);
});

test('a native sidecar restartPolicy tells what the target Kubernetes version makes of it', () => {
  const text = POD.replace('      restartPolicy: Always\n      resources:\n        requests:\n          cpu: 100m', '      restart|Policy: Always\n      resources:\n        requests:\n          cpu: 100m');
  const at = (version: string) => hoverAt(text, defaultSettings({ kubernetesVersion: version })).markdown;
  assert.match(at('1.28'), /Since Kubernetes 1\.28\. Feature gate `SidecarContainers`: alpha 1\.28 \(off by default\), beta 1\.29–1\.32 \(on by default\), GA from 1\.33/);
  assert.match(at('1.28'), /At the target 1\.28 the gate is alpha, off by default: the API server drops the field unless the cluster enables it \(on by default from 1\.29\)/);
  assert.match(at('1.27'), /Not in Kubernetes 1\.27: added in 1\.28\./);
  assert.doesNotMatch(at('1.34'), /At the target/);
  assert.doesNotMatch(at('1.34'), /ContainerRestartRules/, 'restartPolicy: Always is the sidecar gate, not the restart-rules one');
});
