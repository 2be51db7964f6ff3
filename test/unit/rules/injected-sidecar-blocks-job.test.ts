import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MeshesSettings } from '../../../server/src/core/model/injectors';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'injected-sidecar-blocks-job';

describe(id, () => {
  it('warns on a Job with Vault injection and no agent-pre-populate-only (at the default settings), at the annotation that turns it on', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: 'vault.hashicorp.com/agent-inject', line: 11 }]);
    assert.match(found[0].message, /injects `vault-agent` as a regular container/);
    assert.equal(found[0].data?.annotation, 'vault.hashicorp.com/agent-pre-populate-only');
  });

  it('is clean with agent-pre-populate-only', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  /** A Job whose pod template metadata holds `metadata` (its lines, indented under `metadata:`). */
  const job = (metadata: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: report
spec:
  template:
    metadata:
${metadata}
    spec:
      restartPolicy: Never
      containers:
        - name: report
          image: ghcr.io/example/report:1.0.0
`;
  const istioJob = (extra = '') => job(`      labels:\n        sidecar.istio.io/inject: "true"${extra}`);

  const classic = { enabled: true, defaultMode: 'classic' as const };
  const auto = { enabled: true, defaultMode: 'auto' as const };
  /** An older release of each mesh (or a control plane installed with classic as its default). */
  const classicMeshes = { istio: classic, linkerd: classic, vault: classic };

  it('Istio at the default (1.27+, auto): native from Kubernetes 1.33, so clean at 1.34 and 1.33; classic and warned at 1.32', () => {
    assert.deepEqual(underlines(istioJob(), id), []);
    assert.deepEqual(underlines(istioJob(), id, { kubernetesVersion: '1.33' }), []);
    const old = underlines(istioJob(), id, { kubernetesVersion: '1.32' });
    assert.equal(old.length, 1);
    assert.match(old[0].message, /Annotate the pod template with `sidecar\.istio\.io\/nativeSidecar: "true"`/);
  });

  it('Istio classic by annotation or setting is warned; native by annotation or setting is clean; before 1.29 it names quitquitquit', () => {
    const declared = underlines(istioJob('\n      annotations:\n        sidecar.istio.io/nativeSidecar: "false"'), id);
    assert.equal(declared.length, 1);
    assert.match(declared[0].message, /Change the pod template's `sidecar\.istio\.io\/nativeSidecar: "false"` to `"true"`/);
    assert.equal(underlines(istioJob(), id, { meshes: classicMeshes }).length, 1);
    assert.deepEqual(underlines(istioJob('\n      annotations:\n        sidecar.istio.io/nativeSidecar: "true"'), id, { meshes: classicMeshes }), []);
    const meshes = { ...classicMeshes, istio: { enabled: true, defaultMode: 'native' as const } };
    assert.deepEqual(underlines(istioJob(), id, { meshes, kubernetesVersion: '1.32' }), []);
    const old = underlines(istioJob(), id, { kubernetesVersion: '1.28' });
    assert.match(old[0].message, /quitquitquit/);
    assert.equal(old[0].data?.annotation, undefined);
  });

  it('follows a Namespace of the same file that enables injection, and a disabled mesh stays silent', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: batch\n  annotations:\n    linkerd.io/inject: enabled\n---\n${istioJob().replace('  name: report\n', '  name: report\n  namespace: batch\n').replace('        sidecar.istio.io/inject: "true"', '        app: report')}`;
    assert.deepEqual(underlines(text, id), [], 'Linkerd 2.20 (the default) injects a native proxy');
    const found = underlines(text, id, { meshes: classicMeshes });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Linkerd injects `linkerd-proxy`.*on Namespace batch/);
    const meshes = { ...classicMeshes, linkerd: { enabled: false, defaultMode: 'classic' as const } };
    assert.deepEqual(underlines(text, id, { meshes }), []);
  });

  const linkerdJob = (annotations = '') => job(`      annotations:\n        linkerd.io/inject: enabled${annotations}`);

  /** A Namespace `batch` with `annotations`, then a Job in it whose pod template has `podAnnotations` (or none). */
  const inNamespace = (annotations: string, podAnnotations = '') =>
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: batch\n  annotations:\n    linkerd.io/inject: enabled${annotations}\n---\n` +
    job(podAnnotations ? `      annotations:${podAnnotations}` : '      labels:\n        app: report').replace('  name: report\n', '  name: report\n  namespace: batch\n');

  it('Linkerd: a Namespace’s native-sidecar key applies to pods that lack it (the plain and alpha keys; not beta)', () => {
    const ga = underlines(inNamespace(with_([GA, 'false']).replace(/\n {8}/g, '\n    ')), id);
    assert.equal(ga.length, 1);
    assert.match(ga[0].message, /Annotate the pod template with `config\.linkerd\.io\/proxy-enable-native-sidecar: "true"` \(over Namespace batch's `"false"`\)/);
    assert.equal(ga[0].data?.annotation, GA);
    const ns = (pairs: [string, string][]) => with_(...pairs).replace(/\n {8}/g, '\n    ');
    assert.equal(underlines(inNamespace(ns([[ALPHA, 'false']])), id).length, 1, 'the alpha key is inherited too');
    assert.deepEqual(underlines(inNamespace(ns([[BETA, 'false']])), id), [], 'the beta key is not (AppendNamespaceAnnotations)');
    assert.deepEqual(underlines(inNamespace(ns([[GA, 'false']]), with_([GA, 'true'])), id), [], 'the pod’s own key wins');
    const mixed = underlines(inNamespace(ns([[GA, 'false']]), with_([ALPHA, 'true'])), id);
    assert.deepEqual(mixed.map((f) => f.data?.annotation), [GA], 'the inherited plain key outranks the pod’s alpha key');
  });

  const GA = 'config.linkerd.io/proxy-enable-native-sidecar';
  const BETA = 'config.beta.linkerd.io/proxy-enable-native-sidecar';
  const ALPHA = 'config.alpha.linkerd.io/proxy-enable-native-sidecar';
  const with_ = (...pairs: [string, string][]) => pairs.map(([k, v]) => `\n        ${k}: "${v}"`).join('');

  it('Linkerd at the default (2.20, native) is clean; a declared classic proxy is warned and the fix names the key that decides', () => {
    assert.deepEqual(underlines(linkerdJob(), id), []);
    assert.deepEqual(underlines(linkerdJob(with_([ALPHA, 'true'])), id, { meshes: classicMeshes }), []);
    const annotationOf = (text: string, meshes: MeshesSettings = { ...classicMeshes, linkerd: auto }) => underlines(text, id, { meshes }).map((f) => f.data?.annotation);
    assert.deepEqual(annotationOf(linkerdJob(with_([GA, 'false']))), [GA]);
    assert.deepEqual(annotationOf(linkerdJob(with_([GA, 'false'], [ALPHA, 'true']))), [GA], 'config.linkerd.io wins over alpha: adding alpha would not help');
    assert.deepEqual(annotationOf(linkerdJob(with_([BETA, '0'], [ALPHA, 'true']))), [BETA]);
    assert.deepEqual(annotationOf(linkerdJob(with_([ALPHA, 'false']))), [ALPHA]);
    assert.deepEqual(annotationOf(linkerdJob(), classicMeshes), [ALPHA], 'no key written, an older release: the key every release reads');
    assert.deepEqual(annotationOf(linkerdJob(with_([GA, 'maybe'])), classicMeshes), [GA], 'an unparsable deciding key still hides the keys after it');
    assert.deepEqual(annotationOf(linkerdJob(with_([GA, 'maybe']))), [], 'unparsable: the default (native) applies');
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

  it('creates the annotations map for an Istio label-only pod template (Kubernetes 1.32: Istio’s auto is classic)', async () => {
    const { actionsFor, applyAction, pick, settingsFor } = await import('../code-actions/harness');
    const text = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: r\nspec:\n  template:\n    metadata:\n      labels:\n        sidecar.istio.io/inject: "true"\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: r\n          image: busybox:1.37.0\n';
    const fixed = applyAction(text, pick(actionsFor(text, id, settingsFor({ kubernetesVersion: '1.32' })).actions, /nativeSidecar/));
    assert.match(fixed, /\n {6}annotations:\n {8}sidecar\.istio\.io\/nativeSidecar: "true"\n/);
    assert.deepEqual(underlines(fixed, id, { kubernetesVersion: '1.32' }), []);
  });

  const linkerdJob = (annotations: string) =>
    `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: r\nspec:\n  template:\n    metadata:\n      annotations:\n        linkerd.io/inject: enabled\n${annotations}    spec:\n      restartPolicy: Never\n      containers:\n        - name: r\n          image: busybox:1.37.0\n`;

  it('Linkerd: flips the annotation that decides (config.linkerd.io over alpha), not a lower one that would lose', async () => {
    const { actionsFor, applyAction, pick } = await import('../code-actions/harness');
    const text = linkerdJob('        config.linkerd.io/proxy-enable-native-sidecar: "false"\n        config.alpha.linkerd.io/proxy-enable-native-sidecar: "false"\n');
    const fixed = applyAction(text, pick(actionsFor(text, id).actions, /proxy-enable-native-sidecar/));
    assert.equal(fixed, text.replace('config.linkerd.io/proxy-enable-native-sidecar: "false"', 'config.linkerd.io/proxy-enable-native-sidecar: "true"'));
    assert.deepEqual(underlines(fixed, id), []);
    const plain = linkerdJob('        config.beta.linkerd.io/proxy-enable-native-sidecar: false\n');
    assert.equal(applyAction(plain, pick(actionsFor(plain, id).actions, /Set config\.beta/)), plain.replace(': false', ': "true"'), 'the value stays a string');
  });

  it('Linkerd with defaultMode classic and no key: adds the alpha key (read by 2.18, 2.19 and 2.20), after which it is clean', async () => {
    const { actionsFor, applyAction, pick, settingsFor } = await import('../code-actions/harness');
    const classic = { enabled: true, defaultMode: 'classic' as const };
    const meshes = { istio: classic, linkerd: classic, vault: classic };
    const text = linkerdJob('');
    const fixed = applyAction(text, pick(actionsFor(text, id, settingsFor({ meshes })).actions, /Annotate/));
    assert.match(fixed, /\n {8}linkerd\.io\/inject: enabled\n {8}config\.alpha\.linkerd\.io\/proxy-enable-native-sidecar: "true"\n/);
    assert.deepEqual(underlines(fixed, id, { meshes }), []);
  });

  it('Linkerd: a classic mode from the Namespace is overridden on the pod with the key that decides', async () => {
    const { actionsFor, applyAction, pick } = await import('../code-actions/harness');
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: batch\n  annotations:\n    linkerd.io/inject: enabled\n    config.linkerd.io/proxy-enable-native-sidecar: "false"\n---\n' +
      linkerdJob('        config.alpha.linkerd.io/proxy-enable-native-sidecar: "true"\n').replace('  name: r\n', '  name: r\n  namespace: batch\n');
    const fixed = applyAction(text, pick(actionsFor(text, id).actions, /Annotate the pod template with config\.linkerd\.io/));
    assert.match(fixed, /\n {8}config\.alpha\.linkerd\.io\/proxy-enable-native-sidecar: "true"\n {8}config\.linkerd\.io\/proxy-enable-native-sidecar: "true"\n/);
    assert.deepEqual(underlines(fixed, id), []);
  });

  it('Vault: a pre-populate-only "false" is changed, not written twice', async () => {
    const { actionsFor, applyAction, pick } = await import('../code-actions/harness');
    const text = ruleFixture(id, 'bad').replace('        vault.hashicorp.com/role: migrate\n', '        vault.hashicorp.com/agent-pre-populate-only: "false"\n        vault.hashicorp.com/role: migrate\n');
    const run = actionsFor(text, id);
    assert.match(run.target.message, /Change the pod template's `vault\.hashicorp\.com\/agent-pre-populate-only: "false"` to `"true"`/);
    const fixed = applyAction(text, pick(run.actions, /agent-pre-populate-only/));
    assert.equal(fixed, text.replace('agent-pre-populate-only: "false"', 'agent-pre-populate-only: "true"'));
    assert.deepEqual(underlines(fixed, id), []);
  });
});
