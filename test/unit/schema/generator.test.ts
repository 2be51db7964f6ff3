import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';

const repo = path.resolve(__dirname, '../../..');
const committed = path.join(repo, 'schemas', 'v1.36');

interface Schema {
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  $ref?: string;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function hash(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

test('a fresh generation is byte-identical to the committed schemas', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'schemas-'));
  try {
    execFileSync(process.execPath, [path.join(repo, 'scripts', 'generate-schemas.mjs'), '--out', out], { stdio: 'pipe' });
    const fresh = fs.readdirSync(out).sort();
    assert.deepEqual(fresh, fs.readdirSync(committed).filter((f) => f.endsWith('.json')).sort());
    for (const file of fresh) assert.equal(hash(path.join(out, file)), hash(path.join(committed, file)), file);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('Container has the native-sidecar fields with descriptions', () => {
  const { definitions } = readJson<{ definitions: Record<string, Schema> }>(path.join(committed, '_definitions.json'));
  const container = definitions['core.v1.Container'];
  assert.equal(container.additionalProperties, false);
  assert.match(container.properties?.restartPolicy?.description ?? '', /sidecar/);
  assert.deepEqual(container.properties?.restartPolicy?.type, ['string', 'null']);
  assert.ok(container.properties?.restartPolicyRules?.items?.$ref);
  assert.deepEqual(container.required, ['name']);
  for (const [name, prop] of Object.entries(container.properties ?? {})) assert.ok(prop.description, `Container.${name} has a description`);
});

test('formats, maps and wrapper types are mapped as documented', () => {
  const { definitions } = readJson<{ definitions: Record<string, Schema> }>(path.join(committed, '_definitions.json'));
  const port = definitions['core.v1.ContainerPort'].properties ?? {};
  assert.equal(port.containerPort.type, 'integer');
  assert.deepEqual(port.protocol.enum, ['SCTP', 'TCP', 'UDP', '', null]);
  const limits = definitions['core.v1.ResourceRequirements'].properties?.limits;
  assert.deepEqual(limits?.additionalProperties, { type: ['string', 'number'] });
  const labels = definitions['meta.v1.ObjectMeta'].properties?.labels;
  assert.deepEqual(labels?.additionalProperties, { type: 'string' });
  assert.equal(definitions['meta.v1.ObjectMeta'].required, undefined);
  const probePort = definitions['core.v1.HTTPGetAction'].properties?.port;
  assert.deepEqual(probePort?.type, ['string', 'integer']);
});

test('per-kind files are standalone and pin apiVersion/kind', () => {
  const index = readJson<{ kinds: { apiVersion: string; kind: string; file: string }[]; removedApiVersions: { apiVersion: string; kind: string }[] }>(
    path.join(committed, 'index.json'),
  );
  const deployment = index.kinds.find((k) => k.apiVersion === 'apps/v1' && k.kind === 'Deployment');
  assert.ok(deployment);
  assert.equal(deployment.file, 'deployment-apps-v1.json');
  const schema = readJson<Schema & { definitions: Record<string, Schema> }>(path.join(committed, deployment.file));
  assert.deepEqual(schema.properties?.apiVersion.enum, ['apps/v1']);
  assert.deepEqual(schema.properties?.kind.enum, ['Deployment']);
  assert.deepEqual(schema.required, ['apiVersion', 'kind']);
  const refs = JSON.stringify(schema).match(/"#\/definitions\/[^"]+"/g) ?? [];
  for (const ref of refs) assert.ok(schema.definitions[ref.slice(15, -1)], `${ref} is embedded`);
  for (const k of ['Pod', 'Service', 'ConfigMap', 'Secret', 'CronJob', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'CustomResourceDefinition']) {
    assert.ok(index.kinds.some((entry) => entry.kind === k), k);
  }
  assert.ok(index.removedApiVersions.some((r) => r.apiVersion === 'extensions/v1beta1' && r.kind === 'Ingress'));
});

test('a per-kind file validates on its own with a plain Ajv', () => {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
  const validate = ajv.compile(readJson<object>(path.join(committed, 'deployment-apps-v1.json')));
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', creationTimestamp: null },
    spec: {
      selector: { matchLabels: { app: 'd' } },
      template: { spec: { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }], containers: [{ name: 'a', image: 'b' }] } },
    },
  };
  assert.equal(validate(deployment), true, JSON.stringify(validate.errors));
  assert.equal(validate({ ...deployment, kind: 'StatefulSet' }), false);
  assert.equal(validate({ ...deployment, spec: { ...deployment.spec, replicas: '2' } }), false);
});
