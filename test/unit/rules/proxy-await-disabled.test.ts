import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'proxy-await-disabled';

const pod = (metadata: string, env = '      env:\n        - name: CONFIG_URL\n          value: https://config.example.com/web\n') => `apiVersion: v1
kind: Pod
metadata:
  name: web
${metadata}spec:
  containers:
    - name: web
      image: ghcr.io/example/web:1.4.2
${env}`;
/** An Istio pod with a classic proxy (by annotation: Istio 1.27+ injects a native one at Kubernetes 1.33+) and the wait off. */
const ISTIO_OFF = `  labels:\n    sidecar.istio.io/inject: "true"\n  annotations:\n    sidecar.istio.io/nativeSidecar: "false"\n    proxy.istio.io/config: '{"holdApplicationUntilProxyStarts": false}'\n`;

describe(id, () => {
  it('Linkerd proxy-await disabled with an app that connects at start: info on the value; enabled is clean', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'info', text: 'disabled', line: 17 }]);
    assert.match(found[0].message, /may start before `linkerd-proxy` is ready, and container "web" uses the network \(it has `postgres:\/\/db\.data\.svc:5432\/web` in its env `DATABASE_URL`\)/);
    assert.equal(found[0].data?.replacement, 'enabled');
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('Istio: holdApplicationUntilProxyStarts false in the ProxyConfig (JSON or YAML); true, or not said, is clean', () => {
    const json = underlines(pod(ISTIO_OFF), id);
    assert.equal(json.length, 1);
    assert.equal(json[0].text, `'{"holdApplicationUntilProxyStarts": false}'`);
    assert.equal(json[0].data?.replacement, '{"holdApplicationUntilProxyStarts": true}');
    const yaml = underlines(pod(ISTIO_OFF.replace(`'{"holdApplicationUntilProxyStarts": false}'`, '|\n      holdApplicationUntilProxyStarts: false\n')), id);
    assert.equal(yaml.length, 1);
    assert.equal(yaml[0].data?.replacement, undefined, 'a block value gets no one-line replacement');
    assert.deepEqual(underlines(pod(ISTIO_OFF.replace('false}', 'true}')), id), []);
    assert.deepEqual(underlines(pod(ISTIO_OFF.replace('{"holdApplicationUntilProxyStarts": false}', '{"concurrency": 2}')), id), []);
  });

  it('silent with a native proxy, no injection, or an app with no sign of network use', () => {
    assert.deepEqual(underlines(pod(ISTIO_OFF.replace('nativeSidecar: "false"', 'nativeSidecar: "true"')), id), []);
    assert.deepEqual(underlines(pod(ISTIO_OFF.replace('sidecar.istio.io/inject: "true"', 'app: web')), id), []);
    assert.deepEqual(underlines(pod(ISTIO_OFF, ''), id), []);
  });

  it('at the default (each mesh’s current release) the proxy is native: silent for Linkerd, and for Istio from Kubernetes 1.33', () => {
    const istio = pod(ISTIO_OFF.replace('    sidecar.istio.io/nativeSidecar: "false"\n', ''));
    assert.deepEqual(underlines(istio, id), []);
    assert.equal(underlines(istio, id, { kubernetesVersion: '1.32' }).length, 1);
    const linkerd = ruleFixture(id, 'bad').replace('        config.linkerd.io/proxy-enable-native-sidecar: "false"\n', '');
    assert.deepEqual(underlines(linkerd, id), []);
    const classic = { enabled: true, defaultMode: 'classic' as const };
    assert.equal(underlines(linkerd, id, { meshes: { istio: classic, linkerd: classic, vault: classic } }).length, 1, 'defaultMode: classic (an older Linkerd)');
  });
});

describe(`${id} quick fix`, () => {
  it('turns the wait back on, after which the pod is clean', async () => {
    const { actionsFor, applyAction, pick } = await import('../code-actions/harness');
    const text = ruleFixture(id, 'bad');
    const fixed = applyAction(text, pick(actionsFor(text, id).actions, /enabled/));
    assert.match(fixed, /\n {8}config\.linkerd\.io\/proxy-await: enabled\n/);
    assert.deepEqual(underlines(fixed, id), []);
    const istio = pod(ISTIO_OFF);
    const fixedIstio = applyAction(istio, pick(actionsFor(istio, id).actions, /holdApplicationUntilProxyStarts/));
    assert.match(fixedIstio, /proxy\.istio\.io\/config: '\{"holdApplicationUntilProxyStarts": true\}'\n/);
    assert.deepEqual(underlines(fixedIstio, id), []);
  });
});
