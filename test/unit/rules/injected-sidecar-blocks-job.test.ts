import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'injected-sidecar-blocks-job';

describe(id, () => {
  it('warns on a Job with Vault injection and no agent-pre-populate-only, at the annotation that turns it on', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: 'vault.hashicorp.com/agent-inject', line: 11 }]);
    assert.match(found[0].message, /injects `vault-agent` as a regular container/);
    assert.equal(found[0].data?.annotation, 'vault.hashicorp.com/agent-pre-populate-only');
  });

  it('is clean with agent-pre-populate-only', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  const istioJob = (extra = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: report
spec:
  template:
    metadata:
      labels:
        sidecar.istio.io/inject: "true"${extra}
    spec:
      restartPolicy: Never
      containers:
        - name: report
          image: ghcr.io/example/report:1.0.0
`;

  it('Istio: classic by default; native by annotation or by the mesh setting is clean; before 1.29 it names quitquitquit', () => {
    assert.equal(underlines(istioJob(), id).length, 1);
    assert.deepEqual(underlines(istioJob('\n      annotations:\n        sidecar.istio.io/nativeSidecar: "true"'), id), []);
    const meshes = { istio: { enabled: true, defaultMode: 'native' as const }, linkerd: { enabled: true, defaultMode: 'classic' as const }, vault: { enabled: true, defaultMode: 'classic' as const } };
    assert.deepEqual(underlines(istioJob(), id, { meshes }), []);
    const old = underlines(istioJob(), id, { kubernetesVersion: '1.28' });
    assert.match(old[0].message, /quitquitquit/);
    assert.equal(old[0].data?.annotation, undefined);
  });

  it('follows a Namespace of the same file that enables injection, and a disabled mesh stays silent', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: batch\n  annotations:\n    linkerd.io/inject: enabled\n---\n${istioJob().replace('  name: report\n', '  name: report\n  namespace: batch\n').replace('        sidecar.istio.io/inject: "true"', '        app: report')}`;
    const found = underlines(text, id);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Linkerd injects `linkerd-proxy`.*on Namespace batch/);
    const meshes = { istio: { enabled: true, defaultMode: 'classic' as const }, linkerd: { enabled: false, defaultMode: 'classic' as const }, vault: { enabled: true, defaultMode: 'classic' as const } };
    assert.deepEqual(underlines(text, id, { meshes }), []);
  });
});

describe(`${id} quick fix`, () => {
  it('adds agent-pre-populate-only to the annotations, after which the Job is clean', async () => {
    const { actionsFor, applyAction, pick } = await import('../code-actions/harness');
    const text = ruleFixture(id, 'bad');
    const run = actionsFor(text, id);
    const fixed = applyAction(text, pick(run.actions, /agent-pre-populate-only/));
    assert.match(fixed, /\n {8}vault\.hashicorp\.com\/agent-pre-populate-only: "true"\n/);
    assert.deepEqual(underlines(fixed, id), []);
  });

  it('creates the annotations map for an Istio label-only pod template', async () => {
    const { actionsFor, applyAction, pick } = await import('../code-actions/harness');
    const text = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: r\nspec:\n  template:\n    metadata:\n      labels:\n        sidecar.istio.io/inject: "true"\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: r\n          image: busybox:1.37.0\n';
    const fixed = applyAction(text, pick(actionsFor(text, id).actions, /nativeSidecar/));
    assert.match(fixed, /\n {6}annotations:\n {8}sidecar\.istio\.io\/nativeSidecar: "true"\n/);
    assert.deepEqual(underlines(fixed, id), []);
  });
});
