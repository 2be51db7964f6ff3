import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admittedPod, injectionsOf, namespacesOf, DEFAULT_MESHES, type MeshesSettings } from '../../../server/src/core/model/injection';
import { podsOf } from '../../../server/src/core/model/pod';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { readFixture } from '../helpers';

function firstPod(text: string) {
  const pod = podsOf(parseManifest(text).slots[0].document)[0];
  assert.ok(pod, 'no pod in fixture');
  return pod;
}

/** Names of the real injector output, with `(native)` for restartPolicy: Always init containers. */
function realOrder(name: string): { initContainers: string[]; containers: string[] } {
  const pod = firstPod(readFixture('injection', `${name}.injected.yaml`));
  return {
    initContainers: pod.initContainers.map((c) => `${c.name}${c.role === 'native-sidecar' ? ' (native)' : ''}`),
    containers: pod.containers.map((c) => c.name ?? '?'),
  };
}

/**
 * Every mesh with classic as its default: the injectors' goldens with no mode annotation were made that way (Istio's
 * testdata with ENABLE_NATIVE_SIDECARS off, Linkerd's CLI goldens with proxy.nativeSidecar false), as by a release
 * before the current ones.
 */
const CLASSIC: MeshesSettings = { istio: { enabled: true, defaultMode: 'classic' }, linkerd: { enabled: true, defaultMode: 'classic' }, vault: { enabled: true, defaultMode: 'classic' } };

function simulatedOrder(name: string, meshes: MeshesSettings = DEFAULT_MESHES, kubernetesVersion?: string): { initContainers: string[]; containers: string[] } {
  const pod = firstPod(readFixture('injection', `${name}.input.yaml`));
  const admitted = admittedPod(pod, injectionsOf(pod, meshes, [], kubernetesVersion));
  return {
    initContainers: admitted.initContainers.map((e) => `${e.name}${e.role === 'native-sidecar' ? ' (native)' : ''}`),
    containers: admitted.containers.map((e) => e.name),
  };
}

describe('simulated injection equals the real injectors’ output', () => {
  it('Istio, classic (cronjob.yaml.injected): istio-init last of the init containers, istio-proxy last of the containers', () => {
    assert.deepEqual(simulatedOrder('istio-cronjob', CLASSIC, '1.34'), realOrder('istio-cronjob'));
    assert.deepEqual(simulatedOrder('istio-cronjob', DEFAULT_MESHES, '1.32'), realOrder('istio-cronjob'), 'the default (auto) is classic below Kubernetes 1.33');
    assert.notDeepEqual(simulatedOrder('istio-cronjob', DEFAULT_MESHES, '1.34'), realOrder('istio-cronjob'), 'and native from 1.33');
  });

  it('Istio, native (native-sidecar.yaml.injected): istio-init, then istio-proxy as a native sidecar, before the pod’s own', () => {
    const meshes = { ...DEFAULT_MESHES, istio: { enabled: true, defaultMode: 'native' as const } };
    assert.deepEqual(simulatedOrder('istio-native', meshes), realOrder('istio-native'));
    assert.deepEqual(simulatedOrder('istio-native', DEFAULT_MESHES, '1.34'), realOrder('istio-native'), 'the default (auto) at Kubernetes 1.34');
    assert.notDeepEqual(simulatedOrder('istio-native', DEFAULT_MESHES, '1.32'), realOrder('istio-native'), 'classic below 1.33');
    assert.notDeepEqual(simulatedOrder('istio-native', CLASSIC, '1.34'), realOrder('istio-native'), 'defaultMode: classic');
  });

  it('Linkerd, classic (inject_emojivoto_deployment.golden.yml): linkerd-proxy first, linkerd-init', () => {
    assert.deepEqual(simulatedOrder('linkerd-deployment', CLASSIC), realOrder('linkerd-deployment'));
    assert.notDeepEqual(simulatedOrder('linkerd-deployment'), realOrder('linkerd-deployment'), 'the default (Linkerd 2.20) is native');
  });

  it('Linkerd, native by annotation (inject_emojivoto_deployment_native_sidecar.golden.yml)', () => {
    assert.deepEqual(simulatedOrder('linkerd-native'), realOrder('linkerd-native'));
    assert.deepEqual(simulatedOrder('linkerd-native', CLASSIC), realOrder('linkerd-native'), 'the annotation overrides defaultMode');
  });

  it('counts the injected defaults, with the resource annotations overriding them', () => {
    const text = readFixture('injection', 'istio-cronjob.input.yaml').replace('sidecar.istio.io/inject: "true"', 'sidecar.istio.io/inject: "true"\n          annotations:\n            sidecar.istio.io/proxyCPU: 50m');
    const proxy = injectionsOf(firstPod(text))[0].containers.find((c) => c.name === 'istio-proxy');
    assert.deepEqual(proxy?.requests, { cpu: '50m', memory: '128Mi' });
    const real = firstPod(readFixture('injection', 'istio-cronjob.injected.yaml')).containers[1];
    assert.equal(real.name, 'istio-proxy');
  });
});

describe('injection switches', () => {
  const deployment = (podMeta: string, namespace = 'shop') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${namespace}
spec:
  template:
    metadata:
${podMeta}
    spec:
      containers:
        - name: web
          image: nginx:1.27.0
`;
  it('a Namespace of the same inputs turns Istio injection on, and the pod label turns it off again', () => {
    const namespaces = namespacesOf(parseManifest('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n').slots.map((s) => s.document));
    const on = firstPod(deployment('      labels:\n        app: web'));
    assert.deepEqual(injectionsOf(on, DEFAULT_MESHES, namespaces).map((i) => [i.mesh, i.reason]), [['istio', 'label `istio-injection: "enabled"` on Namespace shop']]);
    const off = firstPod(deployment('      labels:\n        sidecar.istio.io/inject: "false"'));
    assert.deepEqual(injectionsOf(off, DEFAULT_MESHES, namespaces), []);
    assert.deepEqual(injectionsOf(on, DEFAULT_MESHES, []), [], 'no namespace, no injection');
    const revision = (labels: string) => namespacesOf(parseManifest(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n${labels}`).slots.map((s) => s.document));
    assert.deepEqual(injectionsOf(on, DEFAULT_MESHES, revision('    istio.io/rev: canary\n')).map((i) => i.reason), ['label `istio.io/rev: "canary"` on Namespace shop']);
    assert.deepEqual(injectionsOf(on, DEFAULT_MESHES, revision('    istio.io/rev: canary\n    istio-injection: disabled\n')), [], 'the revision webhooks need istio-injection absent');
  });

  it('Vault: vault-agent-init appended (first with agent-init-first), vault-agent appended; init only with pre-populate-only', () => {
    const pod = firstPod(
      deployment('      annotations:\n        vault.hashicorp.com/agent-inject: "true"\n        vault.hashicorp.com/agent-init-first: "true"').replace(
        '    spec:\n',
        '    spec:\n      initContainers:\n        - name: migrate\n          image: busybox:1.37.0\n',
      ),
    );
    const admitted = admittedPod(pod, injectionsOf(pod));
    assert.deepEqual(admitted.initContainers.map((e) => e.name), ['vault-agent-init', 'migrate']);
    assert.deepEqual(admitted.containers.map((e) => e.name), ['web', 'vault-agent']);
    const only = firstPod(deployment('      annotations:\n        vault.hashicorp.com/agent-inject: "true"\n        vault.hashicorp.com/agent-pre-populate-only: "true"'));
    assert.deepEqual(injectionsOf(only)[0].containers.map((c) => c.name), ['vault-agent-init']);
  });

  it('Linkerd: a classic linkerd-init follows the pod’s own init containers (linkerd2#1763); a native one goes first', () => {
    const withInit = (extra: string) =>
      firstPod(
        deployment(`      annotations:\n        linkerd.io/inject: enabled${extra}`).replace('    spec:\n', '    spec:\n      initContainers:\n        - name: migrate\n          image: busybox:1.37.0\n'),
      );
    const classic = withInit('\n        config.alpha.linkerd.io/proxy-enable-native-sidecar: "false"');
    assert.deepEqual(admittedPod(classic, injectionsOf(classic)).initContainers.map((e) => e.name), ['migrate', 'linkerd-init']);
    const byDefault = withInit('');
    assert.deepEqual(admittedPod(byDefault, injectionsOf(byDefault, CLASSIC)).initContainers.map((e) => e.name), ['migrate', 'linkerd-init']);
    assert.deepEqual(admittedPod(byDefault, injectionsOf(byDefault)).initContainers.map((e) => e.name), ['linkerd-init', 'linkerd-proxy', 'migrate'], 'the default (2.20) is native');
    const native = withInit('\n        config.alpha.linkerd.io/proxy-enable-native-sidecar: "true"');
    assert.deepEqual(admittedPod(native, injectionsOf(native)).initContainers.map((e) => e.name), ['linkerd-init', 'linkerd-proxy', 'migrate']);
  });

  it('Linkerd: config.linkerd.io over config.beta over config.alpha, the first present deciding (pkg/inject/inject.go)', () => {
    const job = (annotations: string) => firstPod(deployment(`      annotations:\n        linkerd.io/inject: enabled${annotations}`));
    const modeOf = (annotations: string, meshes: MeshesSettings = DEFAULT_MESHES) => injectionsOf(job(annotations), meshes)[0].mode;
    assert.equal(modeOf('\n        config.beta.linkerd.io/proxy-enable-native-sidecar: "true"'), 'native');
    assert.equal(modeOf('\n        config.linkerd.io/proxy-enable-native-sidecar: "True"'), 'native');
    assert.equal(modeOf('\n        config.linkerd.io/proxy-enable-native-sidecar: "false"\n        config.alpha.linkerd.io/proxy-enable-native-sidecar: "true"'), 'classic');
    assert.equal(modeOf('\n        config.beta.linkerd.io/proxy-enable-native-sidecar: "0"\n        config.alpha.linkerd.io/proxy-enable-native-sidecar: "true"'), 'classic');
    // An unparsable value on the deciding key keeps the default; the lower keys are not read.
    assert.equal(modeOf('\n        config.linkerd.io/proxy-enable-native-sidecar: "yes"\n        config.alpha.linkerd.io/proxy-enable-native-sidecar: "true"', CLASSIC), 'classic');
    assert.equal(modeOf('\n        config.linkerd.io/proxy-enable-native-sidecar: "yes"\n        config.alpha.linkerd.io/proxy-enable-native-sidecar: "false"'), 'native');
    // The deciding key is named, whatever its value (what the quick fix edits).
    const deciding = (annotations: string) => injectionsOf(job(annotations), CLASSIC)[0].modeAnnotation;
    assert.equal(deciding('\n        config.linkerd.io/proxy-enable-native-sidecar: "yes"\n        config.alpha.linkerd.io/proxy-enable-native-sidecar: "true"'), 'config.linkerd.io/proxy-enable-native-sidecar');
    assert.equal(deciding('\n        config.alpha.linkerd.io/proxy-enable-native-sidecar: "false"\n        config.beta.linkerd.io/proxy-enable-native-sidecar: "false"'), 'config.beta.linkerd.io/proxy-enable-native-sidecar');
    assert.equal(deciding(''), undefined);
  });

  it('Linkerd: a pod takes the plain and alpha native-sidecar keys from its Namespace where it lacks them (AppendNamespaceAnnotations)', () => {
    const namespaceWith = (annotations: string) =>
      namespacesOf(parseManifest(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  annotations:\n    linkerd.io/inject: enabled${annotations}\n`).slots.map((s) => s.document));
    const pod = firstPod(deployment('      labels:\n        app: web'));
    const [classic] = injectionsOf(pod, DEFAULT_MESHES, namespaceWith('\n    config.linkerd.io/proxy-enable-native-sidecar: "false"'));
    assert.equal(classic.mode, 'classic');
    assert.deepEqual(classic.modeNamespace, { name: 'shop', value: 'false' });
    assert.equal(injectionsOf(pod, DEFAULT_MESHES, namespaceWith('\n    config.beta.linkerd.io/proxy-enable-native-sidecar: "false"'))[0].mode, 'native', 'beta is not inherited');
    const own = firstPod(deployment('      annotations:\n        config.linkerd.io/proxy-enable-native-sidecar: "true"'));
    const [native] = injectionsOf(own, DEFAULT_MESHES, namespaceWith('\n    config.linkerd.io/proxy-enable-native-sidecar: "false"'));
    assert.equal(native.mode, 'native');
    assert.equal(native.modeNamespace, undefined);
  });

  it('the pod hover names the Namespace whose annotation chose the mode', async () => {
    const { createLanguageService } = await import('../../../server/src/core/language-service');
    const { defaultSettings } = await import('../../../server/src/core/settings');
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  annotations:\n    linkerd.io/inject: enabled\n    config.linkerd.io/proxy-enable-native-sidecar: "false"\n---\n${deployment('      labels:\n        app: web')}`;
    const hover = createLanguageService().hover(parseManifest(text), text.indexOf('    spec:\n      containers:') + 8, defaultSettings());
    const markdown = (hover?.contents as { value: string } | undefined)?.value ?? '';
    assert.match(markdown, /injected by Linkerd \(classic by annotation on Namespace shop\): `linkerd-init`/);
  });

  it('defaultMode auto follows the current release (MESH_RELEASE_DEFAULTS): Linkerd 2.20 native; Istio native from Kubernetes 1.33', () => {
    const auto: MeshesSettings = { ...DEFAULT_MESHES, istio: { enabled: true, defaultMode: 'auto' }, linkerd: { enabled: true, defaultMode: 'auto' } };
    const linkerd = firstPod(deployment('      annotations:\n        linkerd.io/inject: enabled'));
    assert.equal(injectionsOf(linkerd, auto, [], '1.30')[0].mode, 'native');
    assert.equal(injectionsOf(linkerd, auto)[0].modeFromAnnotation, false);
    const istio = firstPod(deployment('      labels:\n        sidecar.istio.io/inject: "true"'));
    assert.equal(injectionsOf(istio, auto, [], '1.32')[0].mode, 'classic');
    assert.equal(injectionsOf(istio, auto, [], '1.33')[0].mode, 'native');
    // An explicit defaultMode overrides the release; the pod's annotation overrides both.
    assert.equal(injectionsOf(istio, { ...auto, istio: { enabled: true, defaultMode: 'classic' } }, [], '1.34')[0].mode, 'classic');
    // auto is the product's default for both (each mesh's current stable release).
    assert.equal(injectionsOf(linkerd)[0].mode, 'native');
    assert.equal(injectionsOf(istio, DEFAULT_MESHES, [], '1.34')[0].mode, 'native');
    assert.equal(injectionsOf(istio)[0].mode, 'classic', 'with no Kubernetes version Istio stays classic');
  });

  it('a disabled mesh is not simulated, and a pod that already has the proxy is not injected again', () => {
    const pod = firstPod(deployment('      labels:\n        sidecar.istio.io/inject: "true"'));
    assert.deepEqual(injectionsOf(pod, { ...DEFAULT_MESHES, istio: { enabled: false, defaultMode: 'classic' } }), []);
    const manual = firstPod(readFixture('injection', 'istio-cronjob.injected.yaml').replace('apiVersion: batch/v2alpha1', 'apiVersion: batch/v1').replace('        spec:\n          containers:', '        metadata:\n          labels:\n            sidecar.istio.io/inject: "true"\n        spec:\n          containers:'));
    assert.deepEqual(injectionsOf(manual), []);
  });
});

describe('injected containers in the topology and the hover', () => {
  it('draws them marked injected in start order, and counts their default requests in the KEP-753 totals', async () => {
    const { createLanguageService } = await import('../../../server/src/core/language-service');
    const { defaultSettings } = await import('../../../server/src/core/settings');
    const service = createLanguageService();
    const text = readFixture('injection', 'istio-cronjob.input.yaml');
    const file = parseManifest(text);
    const classic = defaultSettings({ meshes: CLASSIC });
    const [diagram] = service.topology(file, classic);
    assert.match(diagram.mermaid, /i\d+\["istio-init<br\/>injected by Istio - init container<br\/>starts 1 of 3"\]/);
    assert.match(diagram.mermaid, /istio-proxy<br\/>injected by Istio - classic sidecar, runs beside the app<br\/>starts 3 of 3<br\/>ports 15000/);
    const [native] = service.topology(file, defaultSettings());
    assert.match(native.mermaid, /istio-proxy<br\/>injected by Istio - native sidecar<br\/>starts 2 of 3<br\/>ports 15000/, 'the default at Kubernetes 1.34');
    assert.match(diagram.mermaid, /class i\d+,i\d+ injected/);
    const off = service.topology(file, defaultSettings({ meshes: { ...DEFAULT_MESHES, istio: { enabled: false, defaultMode: 'classic' } } }));
    assert.doesNotMatch(off[0].mermaid, /istio-proxy/);

    const hover = service.hover(file, text.indexOf('containers:') + 2, classic);
    const markdown = (hover?.contents as { value: string } | undefined)?.value ?? '';
    // hello states nothing; istio-init (100m/128Mi) runs alone, then istio-proxy (100m/128Mi) runs with hello.
    assert.match(markdown, /requests: cpu \*\*100m\*\*.*memory \*\*128Mi\*\*/);
    assert.match(markdown, /injected by Istio \(classic by default\): `istio-init` \(init, requests 100m \/ 128Mi\), `istio-proxy` \(classic sidecar/);
    assert.match(markdown, /\*\*Start order\*\*: `istio-init` \(injected\) \(init\) → `hello` \+ `istio-proxy` \(injected\) \(together\)/);
    const atDefault = (service.hover(file, text.indexOf('containers:') + 2, defaultSettings())?.contents as { value: string } | undefined)?.value ?? '';
    assert.match(atDefault, /injected by Istio \(native by default\): `istio-init` \(init, requests 100m \/ 128Mi\), `istio-proxy` \(native sidecar/);
  });
});

describe('mesh settings', () => {
  it('reads sidecar.meshes from the client, keeping defaults for what is missing or wrong', async () => {
    const { normalizeSettings } = await import('../../../server/src/core/settings');
    const settings = normalizeSettings({ meshes: { istio: { defaultMode: 'native' }, linkerd: { enabled: false, defaultMode: 'sideways' }, constructor: { enabled: false } } });
    assert.deepEqual(settings.meshes, {
      istio: { enabled: true, defaultMode: 'native' },
      linkerd: { enabled: false, defaultMode: 'auto' },
      vault: { enabled: true, defaultMode: 'classic' },
    });
    assert.deepEqual(normalizeSettings({}).meshes, DEFAULT_MESHES);
  });
});
