import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, ruleFixture, underlines } from './rule-kit';

const id = 'missing-resources';

describe(id, () => {
  it('underlines the name of every container missing a CPU or memory request or a memory limit', () => {
    const found = underlines(ruleFixture(id, 'bad'), id);
    assert.deepEqual(brief(found), [
      { code: id, severity: 'info', text: 'migrate', line: 15 },
      { code: id, severity: 'warning', text: 'proxy', line: 17 },
      { code: id, severity: 'warning', text: 'web', line: 24 },
      { code: id, severity: 'warning', text: 'worker', line: 30 },
    ]);
    assert.deepEqual(found[0].data?.missing, ['requests.cpu', 'requests.memory', 'limits.memory']);
    assert.deepEqual(found[1].data?.missing, ['requests.memory', 'limits.memory']);
    assert.match(found[1].message, /keep sidecars lightweight: set small requests and limits/);
    assert.deepEqual(found[2].data?.missing, ['limits.memory']);
    assert.deepEqual(found[2].data?.missingLimits, ['memory']);
    assert.match(found[2].message, /^Container "web" has no memory limit: without a memory limit/);
    assert.deepEqual(found[3].data?.resourcesPath, ['spec', 'template', 'spec', 'containers', 1, 'resources']);
  });

  it('asks classic sidecars in containers to stay lightweight too', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: example/web:1.4.2
      resources:
        requests: {cpu: 250m, memory: 256Mi}
        limits: {memory: 256Mi}
    - name: shipper
      image: fluent/fluent-bit:3.1.4
`;
    const found = underlines(text, id);
    assert.deepEqual(brief(found), [{ code: id, severity: 'warning', text: 'shipper', line: 12 }]);
    assert.match(found[0].message, /^Container "shipper" has no CPU or memory request and no memory limit: keep sidecars lightweight: set small requests and limits/);
  });

  it('takes limits as requests and honours pod-level resources', () => {
    assert.deepEqual(underlines(ruleFixture(id, 'good'), id), []);
  });

  it('never calls a pod\'s only or main container a sidecar (a Fluent Bit DaemonSet, an ingress gateway)', () => {
    const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluent-bit
spec:
  selector:
    matchLabels: {app: fluent-bit}
  template:
    metadata:
      labels: {app: fluent-bit}
    spec:
      containers:
        - name: fluent-bit
          image: fluent/fluent-bit:3.1.4
`;
    const [only] = underlines(daemonSet, id);
    assert.doesNotMatch(only.message, /sidecar/);
    const gateway = daemonSet.replace(/fluent-bit/g, 'istio-ingressgateway').replace('fluent/istio-ingressgateway:3.1.4', 'istio/proxyv2:1.22.0')
      .replace('          image: istio/proxyv2:1.22.0\n', '          image: istio/proxyv2:1.22.0\n        - name: reloader\n          image: example/reloader:1.0\n          resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 16Mi}}\n');
    const found = underlines(gateway, id);
    assert.deepEqual(found.map((f) => f.text), ['istio-ingressgateway']);
    assert.doesNotMatch(found[0].message, /sidecar/);
  });
});
