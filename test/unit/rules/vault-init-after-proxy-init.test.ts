import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'vault-init-after-proxy-init';
const classic = { enabled: true, defaultMode: 'classic' as const };

/** The annotation that makes the mesh's proxy classic (both meshes' current releases inject a native one by default). */
const classicBy = (mesh: string) => (mesh.startsWith('linkerd') ? '        config.linkerd.io/proxy-enable-native-sidecar: "false"\n' : mesh.startsWith('sidecar.istio') ? '        sidecar.istio.io/nativeSidecar: "false"\n' : '');

/**
 * A Deployment with Vault injection, meshed by the label or annotation `mesh`, with `extra` pod-template annotations;
 * its proxy is classic by annotation unless `mode` is `default` (then the mesh setting decides).
 */
const deployment = (mesh: string, extra = '', mode: 'classic' | 'default' = 'classic') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
${mesh.startsWith('linkerd') ? '' : `        ${mesh}\n`}      annotations:
        vault.hashicorp.com/agent-inject: "true"
${mesh.startsWith('linkerd') ? `        ${mesh}\n` : ''}${mode === 'classic' ? classicBy(mesh) : ''}${extra}    spec:
      containers:
        - name: web
          image: ghcr.io/example/web:1.4.2
`;

describe(id, () => {
  it('warns on the Vault switch when vault-agent-init follows istio-init; clean with agent-init-first', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: 'vault.hashicorp.com/agent-inject', line: 19 }]);
    assert.match(found[0].message, /appends `vault-agent-init` after `istio-init`, which sends the pod's outbound traffic to `istio-proxy`/);
    assert.equal(found[0].data?.annotation, 'vault.hashicorp.com/agent-init-first');
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('Linkerd classic too; a native proxy (annotation or setting) is running before the Vault init container', () => {
    const linkerd = underlines(deployment('linkerd.io/inject: enabled'), id);
    assert.equal(linkerd.length, 1);
    assert.match(linkerd[0].message, /after `linkerd-init`/);
    assert.deepEqual(underlines(deployment('sidecar.istio.io/inject: "true"', '        sidecar.istio.io/nativeSidecar: "true"\n', 'default'), id, { kubernetesVersion: '1.32' }), []);
    const meshes = { istio: { enabled: true, defaultMode: 'native' as const }, linkerd: classic, vault: classic };
    assert.deepEqual(underlines(deployment('sidecar.istio.io/inject: "true"', '', 'default'), id, { meshes, kubernetesVersion: '1.32' }), []);
    assert.equal(underlines(deployment('linkerd.io/inject: enabled', '', 'default'), id, { meshes }).length, 1, 'defaultMode: classic (an older Linkerd)');
  });

  it('at the default (each mesh’s current release) the proxy is native: silent for Linkerd, and for Istio from Kubernetes 1.33', () => {
    assert.deepEqual(underlines(deployment('linkerd.io/inject: enabled', '', 'default'), id), []);
    assert.deepEqual(underlines(deployment('sidecar.istio.io/inject: "true"', '', 'default'), id), []);
    assert.deepEqual(underlines(deployment('sidecar.istio.io/inject: "true"', '', 'default'), id, { kubernetesVersion: '1.33' }), []);
    assert.equal(underlines(deployment('sidecar.istio.io/inject: "true"', '', 'default'), id, { kubernetesVersion: '1.32' }).length, 1);
  });

  it('silent with an outbound exclusion, the agent as the proxy user, no Vault init container, or no mesh', () => {
    const istio = 'sidecar.istio.io/inject: "true"';
    assert.deepEqual(underlines(deployment(istio, '        traffic.sidecar.istio.io/excludeOutboundPorts: "8200"\n'), id), []);
    assert.deepEqual(underlines(deployment(istio, '        vault.hashicorp.com/agent-run-as-user: "1337"\n'), id), []);
    assert.equal(underlines(deployment(istio, '        vault.hashicorp.com/agent-run-as-user: "100"\n'), id).length, 1);
    assert.deepEqual(underlines(deployment('linkerd.io/inject: enabled', '        config.linkerd.io/skip-outbound-ports: "8200"\n'), id), []);
    assert.deepEqual(underlines(deployment(istio, '        vault.hashicorp.com/agent-pre-populate: "false"\n'), id), []);
    assert.deepEqual(underlines(deployment('app2: web', '', 'default'), id, { kubernetesVersion: '1.32' }), []);
    const meshes = { istio: { enabled: false, defaultMode: 'classic' as const }, linkerd: classic, vault: classic };
    assert.deepEqual(underlines(deployment(istio), id, { meshes }), []);
  });
});

describe(`${id} quick fix`, () => {
  it('changes an agent-init-first "false" instead of writing the key twice', async () => {
    const { actionsFor, applyAction, pick } = await import('../code-actions/harness');
    const text = deployment('sidecar.istio.io/inject: "true"', '        vault.hashicorp.com/agent-init-first: "false"\n');
    const fixed = applyAction(text, pick(actionsFor(text, id).actions, /agent-init-first/));
    assert.equal(fixed, text.replace('agent-init-first: "false"', 'agent-init-first: "true"'));
    assert.deepEqual(underlines(fixed, id), []);
  });

  it('adds agent-init-first, after which the Deployment is clean', async () => {
    const { actionsFor, applyAction, pick } = await import('../code-actions/harness');
    const text = ruleFixture(id, 'bad');
    const fixed = applyAction(text, pick(actionsFor(text, id).actions, /agent-init-first/));
    assert.match(fixed, /\n {8}vault\.hashicorp\.com\/agent-init-first: "true"\n/);
    assert.deepEqual(underlines(fixed, id), []);
  });
});
