import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { apply, appPod, completeAt, item, labels, newText, POD, pod, sorted } from './harness';

/* Whole manifests at the top of an empty document, container snippets and the volumes they add, plain text without snippet support. */

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

test('without snippet support, plain text with the placeholder defaults', () => {
  const { list } = completeAt(POD, { snippets: false });
  const mounts = item(list, 'volumeMounts');
  assert.equal(mounts.insertTextFormat, 1);
  assert.equal(newText(mounts), 'volumeMounts:\n        - name: \n          mountPath: ');
});

test('container snippets after `- ` in initContainers are native sidecars and add the volumes they mount', () => {
  const { list, text } = completeAt(pod(`  initContainers:
    - |
  containers:
    - name: app
      image: nginx:1.27.5
  volumes:
    - name: data
      emptyDir: {}
`));
  const fluent = item(list, 'Logging sidecar (Fluent Bit)');
  assert.match(newText(fluent), /^name: \$\{1:log-shipper\}\n {6}image: \$\{2:fluent\/fluent-bit:[\d.]+\}\n {6}restartPolicy: Always\n/);
  const result = apply(text, fluent);
  assert.match(result, /\n {4}- name: data\n {6}emptyDir: \{\}\n {4}- name: app-logs\n {6}emptyDir:\n {8}sizeLimit: 256Mi\n {4}- name: fluent-bit-config\n/);
  const parsed = parseManifest(result);
  assert.equal(parsed.slots[0].document.problems.length, 0, 'the result is valid YAML');
});

test('an empty line at the column of the container items offers whole containers with their dash', () => {
  const { list, text } = completeAt(appPod(`    |
`));
  const envoy = item(list, 'Proxy sidecar (Envoy)');
  assert.match(newText(envoy), /^- name: \$\{1:envoy\}\n {6}image: /);
  assert.doesNotMatch(newText(envoy), /restartPolicy/, 'a classic sidecar in containers');
  assert.match(apply(text, envoy), /\n {2}volumes:\n {4}- name: envoy-config\n {6}configMap:\n {8}name: envoy-config/);
});
