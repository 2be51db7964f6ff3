import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCrlf } from '../helpers';
import { apply, appPod, completeAt, item, labels, pod, sorted } from './harness';

/* Value completion: enums, booleans, restartPolicy, kinds and apiVersions, the space after `key:`. */

test('enum values: imagePullPolicy and protocol', () => {
  const pull = completeAt(appPod(`      imagePullPolicy: |
`)).list;
  assert.deepEqual(labels(pull).sort(), ['Always', 'IfNotPresent', 'Never']);
  const protocol = completeAt(appPod(`      ports:
        - containerPort: 80
          protocol: T|
`));
  assert.deepEqual(labels(protocol.list).sort(), ['SCTP', 'TCP', 'UDP']);
  assert.equal(apply(protocol.text, item(protocol.list, 'TCP')).includes('protocol: TCP\n'), true);
});

test('boolean values', () => {
  const { list } = completeAt(appPod(`      stdin: |
`));
  assert.deepEqual(labels(list), ['true', 'false']);
});

test('restartPolicy inside initContainers offers Always first', () => {
  const { list } = completeAt(pod(`  initContainers:
    - name: log-shipper
      image: fluent/fluent-bit:4.0.3
      restartPolicy: |
  containers:
    - name: app
      image: nginx:1.27.5
`));
  assert.equal(sorted(list)[0], 'Always');
  assert.equal(item(list, 'Always').preselect, true);
});

test('right after `key:` the value is inserted after a space', () => {
  const { list, text } = completeAt(appPod(`      imagePullPolicy:|
`));
  assert.match(apply(text, item(list, 'IfNotPresent')), /imagePullPolicy: IfNotPresent\n/);
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

test('kind value offers kinds of the apiVersion already written', () => {
  const { list } = completeAt(`apiVersion: apps/v1
kind: |
`);
  assert.ok(labels(list).includes('Deployment'));
  assert.ok(!labels(list).includes('Pod'));
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
