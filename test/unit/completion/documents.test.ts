import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCrlf } from '../helpers';
import { apply, appPod, completeAt, item, labels, newText, sorted } from './harness';

/* The document under the cursor: multi-document files, CRLF, the file's indentation style, places with nothing to complete, bad input. */

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
  const { list, text } = completeAt(toCrlf(appPod(`      volu|
`)));
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

test('nothing to complete inside a comment or a block scalar header', () => {
  assert.deepEqual(completeAt(`apiVersion: v1\nkind: Pod\n# a comm|ent\n`).list.items, []);
});

test('bad input never throws', () => {
  const inputs = ['|', '- |', '{|', '[{|', 'a: [|', ':|', '- - - |', '\t|', 'apiVersion: v1\nkind: Pod\nspec:\n  containers: {|', '? |', 'a: "|', '   |   ', 'kind: Pod\napiVersion: v1\nspec:\n  - |\n'];
  for (const input of inputs) {
    assert.doesNotThrow(() => completeAt(input), input);
  }
});
