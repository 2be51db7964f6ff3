import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { actionsFor, applyAction, diagnosticsOf, pick, settingsFor } from './harness';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.5
      volumeMounts:
        - name: logs
          mountPath: /var/log/nginx
      # the cache mount, added later under a misspelt key
      volumeMount:
        - name: cache
          mountPath: /var/cache/nginx
      resources:
        requests: {cpu: 100m, memory: 64Mi}
  volumes:
    - name: logs
      emptyDir: {}
    - name: cache
      emptyDir: {}
`;

describe('unknown-field beside the key it meant', () => {
  it('merges the typo\'s list into the existing list instead of offering a rename that would duplicate the key', () => {
    const { actions } = actionsFor(POD, 'unknown-field');
    assert.deepEqual(actions.map((a) => a.title), ['Merge into "volumeMounts"']);
    const fixed = applyAction(POD, pick(actions, /Merge into "volumeMounts"/));
    assert.match(fixed, /volumeMounts:\n {8}- name: logs\n {10}mountPath: \/var\/log\/nginx\n {8}- name: cache\n {10}mountPath: \/var\/cache\/nginx\n/);
    assert.doesNotMatch(fixed, /volumeMount:/);
    assert.deepEqual(diagnosticsOf(parseManifest(fixed), settingsFor()).filter((d) => d.severity === 1).map((d) => d.code), []);
  });

  it('offers nothing when the existing value is not a block list (nothing to merge into safely)', () => {
    const flow = POD.replace('      volumeMounts:\n        - name: logs\n          mountPath: /var/log/nginx\n', '      volumeMounts: [{name: logs, mountPath: /var/log/nginx}]\n');
    assert.deepEqual(actionsFor(flow, 'unknown-field').actions, []);
  });
});
