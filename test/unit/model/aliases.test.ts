import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { podsOf } from '../../../server/src/core/model/pod';
import { podMounts } from '../../../server/src/core/model/volume-mounts';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { underlines } from '../rules/rule-kit';

const SHARED = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  volumes:
    - name: &vol shared-data
      emptyDir: {}
  containers:
    - name: app
      image: registry.example.com/app:1.4.2
      volumeMounts:
        - name: *vol
          mountPath: /data
`;

describe('aliases in the pod model', () => {
  it('resolve to the anchored value, as kubectl reads them, with the range on the alias', () => {
    const pod = podsOf(parseManifest(SHARED).slots[0].document)[0];
    const [mount] = podMounts(pod);
    assert.equal(mount.name, 'shared-data');
    assert.equal(mount.namePair?.value && SHARED.slice(...rangeOf(mount.namePair.value)), '*vol');
  });

  it('a volumeMount naming its volume through an alias is not an undefined volume, and the volume is used', () => {
    assert.deepEqual(underlines(SHARED, ['undefined-volume', 'unused-volume']), []);
  });

  it('two containers named through one alias are duplicates, underlined where the alias is written', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: &n app
      image: registry.example.com/app:1.4.2
    - name: *n
      image: registry.example.com/app:1.4.2
`;
    const found = underlines(text, 'duplicate-container-name');
    assert.deepEqual(
      found.map((f) => [f.text, f.line]),
      [['*n', 9]],
    );
  });

  it('an alias inside its own anchor resolves to nothing (no cycle) and an unknown alias is no crash', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers: &loop
    - name: app
      image: registry.example.com/app:1.4.2
      args: *loop
`;
    const pod = podsOf(parseManifest(text).slots[0].document)[0];
    assert.equal(pod.containers.length, 1);
    assert.doesNotThrow(() => underlines(text, 'duplicate-container-name'));
  });
});

function rangeOf(node: unknown): [number, number] {
  const range = (node as { range?: [number, number, number] }).range;
  assert.ok(range);
  return [range[0], range[1]];
}
