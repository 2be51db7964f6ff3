// A Namespace in another file of the workspace turns mesh injection on for the pods it holds (issue 14), as the
// injector's namespaceSelector does on the cluster: the rules, the hover and the topology see the injected proxy.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';

const service = createLanguageService();
// Istio's `auto` injects a classic proxy below Kubernetes 1.33 (MESH_RELEASE_DEFAULTS), so the Job never completes.
const settings = defaultSettings({ kubernetesVersion: '1.32' });
const namespace = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: batch\n  labels:\n${labels}`;
const job = (ns: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: report
  namespace: ${ns}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: report
          image: registry.example/report:1.4.2
`;

function workspace(namespaceText: string, jobText = job('batch')) {
  const index = service.createWorkspaceIndex();
  index.set('file:///ns.yaml', parseManifest(namespaceText));
  const file = parseManifest(jobText);
  index.set('file:///job.yaml', file);
  return { index, file };
}

const codes = (found: readonly { code: string }[]) => found.map((f) => f.code).filter((c) => c === 'injected-sidecar-blocks-job');

describe('Namespaces of the workspace and mesh injection', () => {
  it('a Job in a Namespace labelled istio-injection in another file gets the classic-proxy warning', () => {
    const { index, file } = workspace(namespace('    istio-injection: enabled\n'));
    const found = service.validate(file, settings, undefined, 'file:///job.yaml', { workspace: index });
    assert.deepEqual(codes(found), ['injected-sidecar-blocks-job']);
    assert.match(found.find((f) => f.code === 'injected-sidecar-blocks-job')?.message ?? '', /Namespace batch/);
  });

  it('is silent without the workspace, for a Namespace of another name, and when the Namespace turns injection off', () => {
    const { index, file } = workspace(namespace('    istio-injection: enabled\n'));
    assert.deepEqual(codes(service.validate(file, settings, undefined, 'file:///job.yaml')), [], 'the file alone');
    const other = workspace(namespace('    istio-injection: enabled\n'), job('reports'));
    assert.deepEqual(codes(service.validate(other.file, settings, undefined, 'file:///job.yaml', { workspace: other.index })), []);
    // The same parsed Job, checked again after the Namespace file changed: the validator's cache must not keep the warning.
    index.set('file:///ns.yaml', parseManifest(namespace('    istio-injection: disabled\n')));
    assert.deepEqual(codes(service.validate(file, settings, undefined, 'file:///job.yaml', { workspace: index })), []);
  });

  it('the Namespace of the file itself wins over the copy in the index', () => {
    const both = `${namespace('    istio-injection: disabled\n')}---\n${job('batch')}`;
    const { index } = workspace(namespace('    istio-injection: enabled\n'));
    const file = parseManifest(both);
    index.set('file:///both.yaml', file);
    assert.deepEqual(codes(service.validate(file, settings, undefined, 'file:///both.yaml', { workspace: index })), []);
  });

  it('the pod hover counts the injected proxy', () => {
    const { index, file } = workspace(namespace('    istio-injection: enabled\n'));
    const at = file.text.indexOf('containers:');
    const text = JSON.stringify(service.hover(file, at, settings, undefined, 'file:///job.yaml', undefined, index)?.contents ?? '');
    assert.match(text, /istio-proxy/);
  });
});
