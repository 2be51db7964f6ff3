import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apply, appPod, completeAt, item, labels, newText, POD, pod, sorted } from './harness';

/* Key completion: the schema's keys where the cursor is, what each inserts (block, flow, lists), resource names. */

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
  const { list } = completeAt(pod(`  containers:
    - |
`));
  assert.equal(sorted(list).filter((l) => !/\(/.test(l))[0], 'name');
});

test('nested key inside a probe', () => {
  const { list } = completeAt(appPod(`      readinessProbe:
        httpGet:
          path: /
          |
`));
  assert.ok(labels(list).includes('port'));
  assert.ok(labels(list).includes('scheme'));
  assert.ok(!labels(list).includes('path'));
  assert.equal(item(list, 'port').detail, 'string | integer (required)');
});

test('a partial key on its line is replaced by the completion', () => {
  const { list, text } = completeAt(appPod(`      volu|
`));
  const mounts = item(list, 'volumeMounts');
  const result = apply(text, mounts);
  assert.match(result, /\n {6}volumeMounts:\n {8}- name: \$1\n {10}mountPath: \$2\n$/);
});

test('after `- ` in a list of objects: keys of the new item', () => {
  const { list } = completeAt(appPod(`      ports:
        - |
`));
  assert.ok(labels(list).includes('containerPort'));
  assert.ok(labels(list).includes('protocol'));
  assert.equal(sorted(list)[0], 'containerPort');
});

test('empty line in the pod spec offers pod keys not yet present', () => {
  const { list } = completeAt(appPod(`  |
`));
  assert.ok(labels(list).includes('initContainers'));
  assert.ok(labels(list).includes('volumes'));
  assert.ok(!labels(list).includes('containers'));
});

test('inside a flow map: keys not yet in it, inserted on one line', () => {
  const { list } = completeAt(appPod(`      volumeMounts:
        - {name: logs, |}
`));
  assert.ok(labels(list).includes('mountPath'));
  assert.ok(!labels(list).includes('name'));
  assert.equal(newText(item(list, 'readOnly')), 'readOnly: ${1|true,false|}');
});

test('resource names inside requests/limits, also in nested flow maps', () => {
  const { list } = completeAt(appPod(`      resources: {limits: {memory: 1Gi, |}}
`));
  assert.deepEqual(labels(list), ['cpu', 'ephemeral-storage']);
  assert.equal(newText(item(list, 'cpu')), 'cpu: ${1:100m}');
});

test('keys people write in every container rank above rarer ones with the same letters', () => {
  const { list } = completeAt(POD.replace('      |\n', '      res|\n'));
  const order = sorted(list).filter((label) => label.startsWith('res') || label.startsWith('vol'));
  assert.ok(order.indexOf('resources') < order.indexOf('resizePolicy'), order.join(', '));
  assert.ok(order.indexOf('volumeMounts') < order.indexOf('volumeDevices'), order.join(', '));
  // required fields still come first, and the rest keep alphabetical order after the common ones
  assert.ok(order.indexOf('resizePolicy') < order.indexOf('restartPolicyRules'), order.join(', '));
});
