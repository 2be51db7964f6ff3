import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectivePodResources } from '../../../server/src/core/model/resources';
import { formatCpu, formatMemory, parseCpu, parseMemory, parseQuantity } from '../../../server/src/core/model/quantity';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import type { PodSpecModel } from '../../../server/src/core/model/pod';
import { podsOf } from '../../../server/src/core/model/pod';

function podOf(text: string): PodSpecModel {
  const pod = podsOf(parseManifest(text).slots[0].document)[0];
  assert.ok(pod, 'the text holds a pod spec');
  return pod;
}

/** A container entry with CPU requests (and optional memory) in YAML. */
function container(name: string, cpu: string, extra = ''): string {
  return `    - name: ${name}
      image: example/${name}:1.0.0${extra}
      resources:
        requests:
          cpu: "${cpu}"`;
}

const sidecar = (name: string, cpu: string) => container(name, cpu, '\n      restartPolicy: Always');

function pod(initContainers: string[], containers: string[], tail = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
${initContainers.join('\n')}
  containers:
${containers.join('\n')}
${tail}`;
}

describe('Kubernetes quantities', () => {
  it('reads CPU in cores and memory in bytes, in every suffix form', () => {
    assert.equal(parseCpu('500m'), 0.5);
    assert.equal(parseCpu('1'), 1);
    assert.equal(parseCpu('0.5'), 0.5);
    assert.equal(parseCpu('.25'), 0.25);
    assert.equal(parseCpu('100.5m'), 0.101, 'CPU is rounded up to whole millicores');
    assert.equal(parseMemory('128Mi'), 128 * 1024 * 1024);
    assert.equal(parseMemory('1G'), 1e9);
    assert.equal(parseMemory('1e3'), 1000);
    assert.equal(parseMemory('1E3'), 1000);
    assert.equal(parseMemory('1Ki'), 1024);
    assert.equal(parseMemory('1.5Gi'), 1.5 * 2 ** 30);
    assert.equal(parseMemory('2k'), 2000);
    assert.equal(parseMemory('5E'), 5e18, 'E alone is the exa suffix, not an exponent');
    assert.equal(parseMemory(1000), 1000);
  });

  it('rejects what is not a quantity', () => {
    for (const bad of ['', 'abc', '-1', '1.2.3', '10MB', '1e', 'm', '1 Gi']) assert.equal(parseQuantity(bad), undefined, bad);
  });

  it('formats amounts the way manifests write them', () => {
    assert.equal(formatCpu(0.25), '250m');
    assert.equal(formatCpu(2), '2');
    assert.equal(formatCpu(1.5), '1500m');
    assert.equal(formatMemory(192 * 2 ** 20), '192Mi');
    assert.equal(formatMemory(2 ** 30), '1Gi');
    assert.equal(formatMemory(1e9), '1G');
    assert.equal(formatMemory(1500), '1500');
    assert.equal(formatMemory(0), '0');
  });
});

describe('effectivePodResources (KEP-753)', () => {
  it('takes the larger of the biggest init container and the running sum when sidecars start after it', () => {
    // An init container of 9 CPUs, then two 1-CPU sidecars and 7 CPUs of app containers: 9 either way.
    const resources = effectivePodResources(
      podOf(pod([container('init', '9'), sidecar('sidecar-1', '1'), sidecar('sidecar-2', '1')], [container('app', '7')])),
    );
    assert.equal(resources.requests.cpu, 9);
    assert.equal(resources.decidedBy.requests.cpu, 'containers');
    assert.equal(resources.formatted.requests.cpu, '9');
  });

  it('adds the sidecars started before an init container to its use: order matters', () => {
    const before = effectivePodResources(
      podOf(pod([sidecar('sidecar-1', '1'), container('init', '9'), sidecar('sidecar-2', '1')], [container('app', '7')])),
    );
    assert.equal(before.requests.cpu, 10);
    assert.equal(before.decidedBy.requests.cpu, 'init:init');
    const bothBefore = effectivePodResources(
      podOf(pod([sidecar('sidecar-1', '1'), sidecar('sidecar-2', '1'), container('init', '9')], [container('app', '7')])),
    );
    assert.equal(bothBefore.requests.cpu, 11);
  });

  it('lets the running phase win when the app and sidecars need more than any init step', () => {
    const resources = effectivePodResources(
      podOf(pod([sidecar('proxy', '250m'), container('migrate', '500m')], [container('web', '1'), container('worker', '500m')])),
    );
    // max(250m + 500m, 250m + 1 + 500m) = 1750m
    assert.equal(resources.requests.cpu, 1.75);
    assert.equal(resources.formatted.requests.cpu, '1750m');
    assert.equal(resources.decidedBy.requests.cpu, 'containers');
  });

  it('defaults requests to limits, leaves the pod unbounded when one container has no limit, and adds overhead', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  overhead:
    cpu: 100m
    memory: 64Mi
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.30.1
      restartPolicy: Always
      resources:
        limits:
          cpu: 200m
          memory: 128Mi
  containers:
    - name: web
      image: example/web:1.0.0
      resources:
        requests:
          memory: 256Mi
        limits:
          memory: 512Mi
`;
    const resources = effectivePodResources(podOf(text));
    assert.equal(resources.requests.cpu, 0.3, '200m from the sidecar limit + 100m overhead');
    assert.equal(resources.requests.memory, (128 + 256 + 64) * 2 ** 20);
    assert.equal(resources.formatted.requests.memory, '448Mi');
    assert.equal(resources.limits.cpu, undefined, 'web has no CPU limit');
    assert.equal(resources.limits.memory, (128 + 512 + 64) * 2 ** 20);
    assert.deepEqual(resources.byContainer[0].requests, { cpu: 0.2, memory: 128 * 2 ** 20 });
    assert.deepEqual(resources.overhead, { cpu: 0.1, memory: 64 * 2 ** 20 });
  });

  it('uses pod-level resources where they are stated and reports unreadable quantities', () => {
    const text = pod(
      [],
      [container('web', 'lots')],
      `  resources:
    requests:
      memory: 1Gi
`,
    );
    const resources = effectivePodResources(podOf(text));
    assert.equal(resources.requests.memory, 2 ** 30);
    assert.equal(resources.decidedBy.requests.memory, 'pod');
    assert.equal(resources.requests.cpu, undefined);
    assert.deepEqual(resources.byContainer[0].unreadable, ['requests.cpu']);
  });

  it('has nothing to say about a pod that states no resources', () => {
    const resources = effectivePodResources(podOf(pod([], ['    - name: web\n      image: example/web:1.0.0'])));
    assert.deepEqual(resources.requests, {});
    assert.deepEqual(resources.limits, {});
    assert.deepEqual(resources.formatted, { requests: {}, limits: {} });
  });
});
