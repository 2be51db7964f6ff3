import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSchemaRegistry, type SchemaProblem } from '../../../server/src/core/schema/index';

const registry = createSchemaRegistry();

function pod(container: Record<string, unknown>, extraSpec: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', ...container }], ...extraSpec } };
}

function only(problems: SchemaProblem[]): SchemaProblem {
  assert.equal(problems.length, 1, JSON.stringify(problems, null, 1));
  return problems[0];
}

test('unknown field: key target, type name and suggestion', () => {
  const p = only(registry.validate('v1', 'Pod', pod({ volumeMount: [] })));
  assert.deepEqual(p.path, ['spec', 'containers', 0, 'volumeMount']);
  assert.equal(p.target, 'key');
  assert.equal(p.code, 'unknown-field');
  assert.equal(p.message, 'Unknown field "volumeMount" in Container. Did you mean "volumeMounts"?');
  assert.deepEqual(p.data, { field: 'volumeMount', suggestion: 'volumeMounts' });
});

test('unknown field without a close match has no "Did you mean"', () => {
  const p = only(registry.validate('v1', 'Pod', pod({ sidecarMode: true })));
  assert.equal(p.message, 'Unknown field "sidecarMode" in Container.');
  assert.equal(p.data?.suggestion, undefined);
});

test('unknown field in metadata names ObjectMeta; case-only typos are suggested', () => {
  const p = only(registry.validate('v1', 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { Name: 'x' }, data: {} }));
  assert.equal(p.message, 'Unknown field "Name" in ObjectMeta. Did you mean "name"?');
  assert.deepEqual(p.path, ['metadata', 'Name']);
});

test('wrong type: value target with the offending value', () => {
  const p = only(registry.validate('v1', 'Pod', pod({ ports: [{ containerPort: 'abc' }] })));
  assert.deepEqual(p.path, ['spec', 'containers', 0, 'ports', 0, 'containerPort']);
  assert.equal(p.target, 'value');
  assert.equal(p.code, 'invalid-type');
  assert.equal(p.message, 'containerPort must be an integer, got the string "abc"');

  const d = only(
    registry.validate('apps/v1', 'Deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { replicas: '3', selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'a', image: 'b' }] } } },
    }),
  );
  assert.equal(d.message, 'replicas must be an integer, got the string "3"');
});

test('wrong type: object vs list, and list items are named by index', () => {
  const p = only(registry.validate('v1', 'Pod', pod({ env: { FOO: 'bar' } })));
  assert.equal(p.message, 'env must be a list, got an object');
  const q = only(registry.validate('v1', 'Pod', pod({ resources: [] })));
  assert.equal(q.message, 'resources must be an object, got a list');
  const r = only(registry.validate('v1', 'Pod', pod({ args: ['--port', 8080] })));
  assert.deepEqual(r.path, ['spec', 'containers', 0, 'args', 1]);
  assert.equal(r.message, 'args[1] must be a string, got the number 8080');
  const s = only(registry.validate('v1', 'Pod', pod({ env: [{ name: 'PORT', value: 8080 }] })));
  assert.equal(s.message, 'value must be a string, got the number 8080');
});

test('IntOrString and Quantity: one problem, phrased as a union', () => {
  const probe = { httpGet: { path: '/healthz', port: true } };
  const p = only(registry.validate('v1', 'Pod', pod({ readinessProbe: probe })));
  assert.equal(p.message, 'port must be a string or an integer, got the boolean true');
  const q = only(registry.validate('v1', 'Pod', pod({ resources: { limits: { cpu: { value: 1 } } } })));
  assert.deepEqual(q.path, ['spec', 'containers', 0, 'resources', 'limits', 'cpu']);
  assert.equal(q.message, 'cpu must be a string or a number, got an object');
  assert.deepEqual(registry.validate('v1', 'Pod', pod({ resources: { limits: { cpu: 1, memory: '128Mi' } }, ports: [{ containerPort: 80, name: 'http' }] })), []);
});

test('bad enum: allowed values and a case-insensitive suggestion', () => {
  const p = only(registry.validate('v1', 'Pod', pod({ ports: [{ containerPort: 80, protocol: 'tcp' }] })));
  assert.equal(p.code, 'invalid-enum');
  assert.equal(p.target, 'value');
  assert.equal(p.message, 'Invalid value "tcp" for protocol. Allowed values: SCTP, TCP, UDP. Did you mean "TCP"?');
  assert.deepEqual(p.data, { allowed: ['SCTP', 'TCP', 'UDP'], suggestion: 'TCP' });
  const q = only(registry.validate('v1', 'Pod', pod({ imagePullPolicy: 'Sometimes' })));
  assert.equal(q.message, 'Invalid value "Sometimes" for imagePullPolicy. Allowed values: Always, IfNotPresent, Never.');
});

test('missing required field: key target at the parent object', () => {
  const p = only(registry.validate('v1', 'Pod', { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ image: 'nginx' }] } }));
  assert.deepEqual(p.path, ['spec', 'containers', 0]);
  assert.equal(p.target, 'key');
  assert.equal(p.code, 'missing-required-field');
  assert.equal(p.message, 'Missing required field "name" in Container.');
  assert.deepEqual(p.data, { field: 'name' });
  const root = only(registry.validate('v1', 'Pod', { kind: 'Pod', spec: { containers: [{ name: 'a' }] } }));
  assert.deepEqual(root.path, []);
  assert.equal(root.message, 'Missing required field "apiVersion" in Pod.');
});

test('no cascade: a wrong-typed value hides its enum and child errors', () => {
  const p = only(registry.validate('v1', 'Pod', pod({ ports: [{ containerPort: 80, protocol: 6 }] })));
  assert.equal(p.message, 'protocol must be a string, got the number 6');
  const q = only(registry.validate('v1', 'Pod', { apiVersion: 'v1', kind: 'Pod', spec: { containers: 'nginx' } }));
  assert.equal(q.message, 'containers must be a list, got the string "nginx"');
});

test('no cascade: a misspelled required field is one unknown-field problem', () => {
  const problems = registry.validate('apps/v1', 'Deployment', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: { selecter: { matchLabels: { app: 'd' } }, template: { spec: { containers: [{ name: 'a', image: 'b' }] } } },
  });
  const p = only(problems);
  assert.equal(p.code, 'unknown-field');
  assert.equal(p.message, 'Unknown field "selecter" in DeploymentSpec. Did you mean "selector"?');
});

test('several independent mistakes give one problem each, in document order', () => {
  const problems = registry.validate('v1', 'Pod', pod({ ports: [{ protocol: 'tcp', containerPort: 'abc' }], volumeMount: [] }));
  assert.deepEqual(
    problems.map((p) => p.code),
    ['invalid-enum', 'invalid-type', 'unknown-field'],
  );
});

test('null for optional fields is accepted', () => {
  const value = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', creationTimestamp: null, labels: null, annotations: null },
    spec: { containers: [{ name: 'a', image: 'b', resources: {}, ports: null, securityContext: null, imagePullPolicy: null }], nodeSelector: null },
    status: {},
  };
  assert.deepEqual(registry.validate('v1', 'Pod', value), []);
});

test('removed apiVersions give one problem naming the replacement', () => {
  const p = only(registry.validate('apps/v1beta1', 'Deployment', { apiVersion: 'apps/v1beta1', kind: 'Deployment', spec: { bogus: 1 } }));
  assert.deepEqual(p.path, ['apiVersion']);
  assert.equal(p.target, 'value');
  assert.equal(p.code, 'removed-api-version');
  assert.equal(p.message, 'apps/v1beta1 Deployment is no longer served (removed in Kubernetes 1.16): use apps/v1');
  assert.deepEqual(p.data, { replacement: 'apps/v1' });
  assert.equal(only(registry.validate('extensions/v1beta1', 'Ingress', {})).data?.replacement, 'networking.k8s.io/v1');
  assert.equal(only(registry.validate('batch/v1beta1', 'CronJob', {})).data?.replacement, 'batch/v1');
  assert.equal(only(registry.validate('policy/v1beta1', 'PodDisruptionBudget', {})).data?.replacement, 'policy/v1');
  assert.equal(only(registry.validate('autoscaling/v2beta2', 'HorizontalPodAutoscaler', {})).data?.replacement, 'autoscaling/v2');
  assert.equal(only(registry.validate('rbac.authorization.k8s.io/v1beta1', 'ClusterRole', {})).data?.replacement, 'rbac.authorization.k8s.io/v1');
  const psp = only(registry.validate('policy/v1beta1', 'PodSecurityPolicy', {}));
  assert.match(psp.message, /Pod Security Admission/);
  assert.equal(psp.data, undefined);
  assert.equal(registry.lookup('apps/v1beta1', 'Deployment'), undefined);
  assert.equal(registry.removal('apps/v1beta1', 'Deployment')?.removedIn, '1.16');
});

test('unknown kinds (custom resources) are not validated; a kind a built-in apiVersion does not serve is unknown-kind', () => {
  assert.equal(registry.lookup('cert-manager.io/v1', 'Certificate'), undefined);
  assert.deepEqual(registry.validate('cert-manager.io/v1', 'Certificate', { whatever: true }), []);
  assert.deepEqual(registry.validate('v1', 'NoSuchKind', {}).map((p) => p.code), ['unknown-kind']);
});

test('an empty string in an optional enum field means unset and is accepted', () => {
  const value = pod({ imagePullPolicy: '' }, { tolerations: [{ key: 'dedicated', operator: 'Exists', effect: '' }] });
  assert.deepEqual(registry.validate('v1', 'Pod', value), []);
});

test('map keys containing "/" keep their full name in the path', () => {
  const value = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', annotations: { 'example.com/replicas': 3 } } };
  const p = only(registry.validate('v1', 'ConfigMap', value));
  assert.deepEqual(p.path, ['metadata', 'annotations', 'example.com/replicas']);
  assert.equal(p.message, 'example.com/replicas must be a string, got the number 3');
});
