import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';
import { toCrlf } from '../helpers';

const id = 'init-container-network-before-proxy';
const classic = { enabled: true, defaultMode: 'classic' as const };

/** A Pod meshed by `meshed` (labels or annotations line), with one init container made of `init` lines. */
const pod = (meshed: string, init: string, podExtra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
${meshed}spec:
${podExtra}  initContainers:
    - name: setup
      image: ghcr.io/example/setup:2.0.1
${init}  containers:
    - name: web
      image: ghcr.io/example/web:1.4.2
`;
/** Meshed pods that say their proxy is classic (both meshes' current releases inject a native one by default). */
const ISTIO = '  labels:\n    sidecar.istio.io/inject: "true"\n  annotations:\n    sidecar.istio.io/nativeSidecar: "false"\n';
const LINKERD = '  annotations:\n    linkerd.io/inject: enabled\n    config.linkerd.io/proxy-enable-native-sidecar: "false"\n';
/** The same switches with no mode annotation: the mesh's default decides. */
const ISTIO_SWITCH = '  labels:\n    sidecar.istio.io/inject: "true"\n';
const LINKERD_SWITCH = '  annotations:\n    linkerd.io/inject: enabled\n';

describe(id, () => {
  it('flags the init container that uses the network, at its name, as info; not the one that copies files', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'info', text: 'wait-for-db', line: 21 }]);
    assert.match(found[0].message, /uses the network \(it runs `pg_isready`\) but runs before `istio-proxy` starts/);
    assert.match(found[0].message, /with Istio's CNI plugin they go to a proxy that is not running yet/);
    assert.equal(found[0].data?.annotation, 'sidecar.istio.io/nativeSidecar');
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('the heuristic: network commands in scripts, URLs in args or env; nothing for local work', () => {
    const at = (init: string) => underlines(pod(ISTIO, init), id).map((f) => f.message.match(/"setup" uses the network \(it ([^)]*)\)/)?.[1]);
    assert.deepEqual(at("      command: [sh, -c, 'wget -qO- http://config/app.yaml > /config/app.yaml']\n"), ['runs `wget`']);
    assert.deepEqual(at('      args: ["--source", "https://example.com/data.tar.gz"]\n'), ['names `https://example.com/data.tar.gz` in its command']);
    assert.deepEqual(at('      env:\n        - name: DATABASE_URL\n          value: postgres://db.data.svc:5432/app\n'), ['has `postgres://db.data.svc:5432/app` in its env `DATABASE_URL`']);
    assert.deepEqual(at("      command: [sh, -c, 'chown -R 1000 /data && cp -r /seed/. /data/']\n"), []);
    assert.deepEqual(at('      command: [/bin/curler-free-tool]\n'), [], 'a word that only contains a command name is not it');
    assert.deepEqual(at('      env:\n        - name: DB_HOST\n          value: db.data.svc\n'), [], 'a host name alone is not enough');
  });

  it('Linkerd classic too, as the proxy user it is silent; native by annotation or setting is silent', () => {
    const curl = "      command: [sh, -c, 'curl -fsS http://seed/']\n";
    const linkerd = underlines(pod(LINKERD, curl), id);
    assert.equal(linkerd.length, 1);
    assert.match(linkerd[0].message, /before `linkerd-proxy` starts/);
    assert.match(linkerd[0].message, /runAsUser: 2102/);
    assert.deepEqual(underlines(pod(LINKERD, curl + '      securityContext:\n        runAsUser: 2102\n'), id), []);
    assert.deepEqual(underlines(pod(ISTIO, curl, '  securityContext:\n    runAsUser: 1337\n'), id), [], 'the pod-level user counts');
    assert.equal(underlines(pod(LINKERD + '    config.linkerd.io/proxy-uid: "2200"\n', curl + '      securityContext:\n        runAsUser: 2102\n'), id).length, 1);
    assert.deepEqual(underlines(pod(ISTIO_SWITCH + '  annotations:\n    sidecar.istio.io/nativeSidecar: "true"\n', curl), id), []);
    const meshes = { istio: classic, linkerd: { enabled: true, defaultMode: 'native' as const }, vault: classic };
    assert.deepEqual(underlines(pod(LINKERD_SWITCH, curl), id, { meshes }), []);
    assert.equal(underlines(pod(LINKERD_SWITCH, curl), id, { meshes: { ...meshes, linkerd: classic } }).length, 1, 'defaultMode: classic (an older Linkerd)');
  });

  it('at the default (each mesh’s current release): Linkerd native, Istio native from Kubernetes 1.33, so silent; Istio at 1.32 is classic', () => {
    const curl = "      command: [sh, -c, 'curl -fsS http://seed/']\n";
    assert.deepEqual(underlines(pod(LINKERD_SWITCH, curl), id), []);
    assert.deepEqual(underlines(pod(ISTIO_SWITCH, curl), id), []);
    assert.deepEqual(underlines(pod(ISTIO_SWITCH, curl), id, { kubernetesVersion: '1.33' }), []);
    const old = underlines(pod(ISTIO_SWITCH, curl), id, { kubernetesVersion: '1.32' });
    assert.equal(old.length, 1);
    assert.match(old[0].message, /Annotate the pod template with `sidecar\.istio\.io\/nativeSidecar: "true"`/);
  });

  it('an outbound exclusion silences it; a pod with no mesh, or Vault only, is silent', () => {
    const curl = "      command: [sh, -c, 'curl -fsS http://seed/']\n";
    assert.deepEqual(underlines(pod(ISTIO + '    traffic.sidecar.istio.io/excludeOutboundPorts: "80"\n', curl), id), []);
    assert.deepEqual(underlines(pod(LINKERD + '    config.linkerd.io/skip-subnets: 10.0.0.0/8\n', curl), id), []);
    assert.deepEqual(underlines(pod('', curl), id), []);
    assert.deepEqual(underlines(pod('  annotations:\n    vault.hashicorp.com/agent-inject: "true"\n', curl), id), []);
  });

  it('before 1.29 there is no native fix: the message names the proxy user and the exclusions, no annotation data', () => {
    const old = underlines(ruleFixture(id, 'bad'), id, { kubernetesVersion: '1.28' });
    assert.match(old[0].message, /runAsUser: 1337.*excludeOutboundIPRanges/);
    assert.equal(old[0].data?.annotation, undefined);
  });

  it('exact range in a CRLF file and in a second document', () => {
    const text = toCrlf(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\n${ruleFixture(id, 'bad')}`);
    assert.deepEqual(brief(underlines(text, id)), [{ code: id, severity: 'info', text: 'wait-for-db', line: 26 }]);
  });
});

describe(`${id} quick fix`, () => {
  it('turns the pod’s nativeSidecar "false" to "true" (not a second key), after which it is clean', async () => {
    const { actionsFor, applyAction, pick } = await import('../code-actions/harness');
    const text = ruleFixture(id, 'bad');
    const run = actionsFor(text, id);
    assert.match(run.target.message, /Change the pod template's `sidecar\.istio\.io\/nativeSidecar: "false"` to `"true"` to start the proxy first/);
    const fixed = applyAction(text, pick(run.actions, /Set sidecar\.istio\.io\/nativeSidecar: "true"/));
    assert.equal(fixed, text.replace('nativeSidecar: "false"', 'nativeSidecar: "true"'));
    assert.deepEqual(underlines(fixed, id), []);
  });

  it('annotates a pod template that writes no mode (Istio at Kubernetes 1.32, classic by default), after which it is clean', async () => {
    const { actionsFor, applyAction, pick, settingsFor } = await import('../code-actions/harness');
    const text = ruleFixture(id, 'bad').replace('      annotations:\n        sidecar.istio.io/nativeSidecar: "false"\n', '');
    const settings = settingsFor({ kubernetesVersion: '1.32' });
    const fixed = applyAction(text, pick(actionsFor(text, id, settings).actions, /nativeSidecar/));
    assert.match(fixed, /\n {6}annotations:\n {8}sidecar\.istio\.io\/nativeSidecar: "true"\n/);
    assert.deepEqual(underlines(fixed, id, { kubernetesVersion: '1.32' }), []);
  });
});
