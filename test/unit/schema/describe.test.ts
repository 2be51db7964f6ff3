import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createSchemaRegistry, findSchemaDir } from '../../../server/src/core/schema/index';

const registry = createSchemaRegistry();

test('describe walks properties, list items and $ref lazily', () => {
  const container = registry.describe('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'initContainers', 0]);
  assert.ok(container);
  assert.equal(container.typeName, 'Container');
  assert.deepEqual(container.requiredProperties, ['name']);
  assert.ok(container.propertyNames().includes('restartPolicy'));
  const restartPolicy = container.property('restartPolicy');
  assert.equal(restartPolicy?.type, 'string');
  assert.equal(restartPolicy?.required, false);
  assert.match(restartPolicy?.description ?? '', /sidecar/);
  assert.equal(container.property('noSuchField'), undefined);

  const protocol = registry.describe('v1', 'Pod', ['spec', 'containers', 0, 'ports', 0, 'protocol']);
  assert.deepEqual(protocol?.enum, ['SCTP', 'TCP', 'UDP']);
  const ports = registry.describe('v1', 'Pod', ['spec', 'containers', 0, 'ports']);
  assert.equal(ports?.isArray, true);
  assert.equal(ports?.items()?.typeName, 'ContainerPort');
  assert.deepEqual(ports?.items()?.requiredProperties, ['containerPort']);
});

test('describe reports maps, required flags and the root', () => {
  const labels = registry.describe('v1', 'Pod', ['metadata', 'labels']);
  assert.equal(labels?.isMap, true);
  assert.equal(labels?.mapValues()?.type, 'string');
  assert.deepEqual(labels?.propertyNames(), []);
  const anyLabel = registry.describe('v1', 'Pod', ['metadata', 'labels', 'app']);
  assert.equal(anyLabel?.type, 'string');
  const selector = registry.describe('apps/v1', 'Deployment', ['spec', 'selector']);
  assert.equal(selector?.required, true);
  assert.match(selector?.description ?? '', /Label selector for pods/);
  const root = registry.describe('v1', 'Service', []);
  assert.equal(root?.typeName, 'Service');
  assert.ok(root?.propertyNames().includes('spec'));
  assert.equal(registry.describe('v1', 'Pod', ['spec', 'nope']), undefined);
  assert.equal(registry.describe('example.com/v1', 'Widget', []), undefined);
});

test('knownKinds lists the served kinds and lookup returns the per-kind file', () => {
  const kinds = registry.knownKinds();
  assert.ok(kinds.length > 60);
  assert.ok(kinds.some((k) => k.apiVersion === 'autoscaling/v2' && k.kind === 'HorizontalPodAutoscaler'));
  assert.equal(registry.lookup('v1', 'Pod')?.file, 'pod-core-v1.json');
  assert.equal(registry.lookup('v1', 'Pod')?.definition, 'core.v1.Pod');
  assert.equal(registry.kubernetesVersion, '1.36');
});

test('the schema dir is found from nested folders and can be given explicitly', () => {
  const repo = path.resolve(__dirname, '../../..');
  assert.equal(findSchemaDir(path.join(repo, 'server', 'out')), path.join(repo, 'schemas', 'v1.36'));
  assert.equal(findSchemaDir(path.join(repo, 'server', 'src', 'core', 'schema')), path.join(repo, 'schemas', 'v1.36'));
  const explicit = createSchemaRegistry({ schemaDir: path.join(repo, 'schemas', 'v1.36') });
  assert.deepEqual(explicit.validate('v1', 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } }), []);
});
