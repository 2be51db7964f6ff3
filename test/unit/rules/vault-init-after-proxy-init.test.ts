import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'vault-init-after-proxy-init';
const classic = { enabled: true, defaultMode: 'classic' as const };

/** A Deployment with Vault injection, meshed by the label or annotation `mesh`, with `extra` pod-template annotations. */
const deployment = (mesh: string, extra = '') => `apiVersion: apps/v1
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
${mesh.startsWith('linkerd') ? `        ${mesh}\n` : ''}${extra}    spec:
      containers:
        - name: web
          image: ghcr.io/example/web:1.4.2
`;

describe(id, () => {
  it('warns on the Vault switch when vault-agent-init follows istio-init; clean with agent-init-first', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: 'vault.hashicorp.com/agent-inject', line: 17 }]);
    assert.match(found[0].message, /appends `vault-agent-init` after `istio-init`, which sends the pod's outbound traffic to `istio-proxy`/);
    assert.equal(found[0].data?.annotation, 'vault.hashicorp.com/agent-init-first');
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('Linkerd classic too; a native proxy (annotation or setting) is running before the Vault init container', () => {
    const linkerd = underlines(deployment('linkerd.io/inject: enabled'), id);
    assert.equal(linkerd.length, 1);
    assert.match(linkerd[0].message, /after `linkerd-init`/);
    assert.deepEqual(underlines(deployment('sidecar.istio.io/inject: "true"', '        sidecar.istio.io/nativeSidecar: "true"\n'), id), []);
    const meshes = { istio: { enabled: true, defaultMode: 'native' as const }, linkerd: classic, vault: classic };
    assert.deepEqual(underlines(deployment('sidecar.istio.io/inject: "true"'), id, { meshes }), []);
  });

  it('silent with an outbound exclusion, the agent as the proxy user, no Vault init container, or no mesh', () => {
    const istio = 'sidecar.istio.io/inject: "true"';
    assert.deepEqual(underlines(deployment(istio, '        traffic.sidecar.istio.io/excludeOutboundPorts: "8200"\n'), id), []);
    assert.deepEqual(underlines(deployment(istio, '        vault.hashicorp.com/agent-run-as-user: "1337"\n'), id), []);
    assert.equal(underlines(deployment(istio, '        vault.hashicorp.com/agent-run-as-user: "100"\n'), id).length, 1);
    assert.deepEqual(underlines(deployment('linkerd.io/inject: enabled', '        config.linkerd.io/skip-outbound-ports: "8200"\n'), id), []);
    assert.deepEqual(underlines(deployment(istio, '        vault.hashicorp.com/agent-pre-populate: "false"\n'), id), []);
    assert.deepEqual(underlines(deployment('app2: web'), id), []);
    const meshes = { istio: { enabled: false, defaultMode: 'classic' as const }, linkerd: classic, vault: classic };
    assert.deepEqual(underlines(deployment(istio), id, { meshes }), []);
  });
});

describe(`${id} quick fix`, () => {
  it('adds agent-init-first, after which the Deployment is clean', async () => {
    const { actionsFor, applyAction, pick } = await import('../code-actions/harness');
    const text = ruleFixture(id, 'bad');
    const fixed = applyAction(text, pick(actionsFor(text, id).actions, /agent-init-first/));
    assert.match(fixed, /\n {8}vault\.hashicorp\.com\/agent-init-first: "true"\n/);
    assert.deepEqual(underlines(fixed, id), []);
  });
});
