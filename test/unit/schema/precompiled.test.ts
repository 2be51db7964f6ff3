import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { createSchemaRegistry, type SchemaRegistry } from '../../../server/src/core/schema';
import * as generated from '../../../server/src/core/schema/generated/validators';

const repo = path.resolve(__dirname, '../../..');
const committedSchemas = path.join(repo, 'schemas', 'v1.36');
const committedOut = path.join(repo, 'server', 'src', 'core', 'schema', 'generated');
const precompiled = generated as unknown as Readonly<Record<string, unknown>>;

interface IndexFile {
  kinds: { apiVersion: string; kind: string; definition: string }[];
}
const index = JSON.parse(fs.readFileSync(path.join(committedSchemas, 'index.json'), 'utf8')) as IndexFile;
const definitions = JSON.parse(fs.readFileSync(path.join(committedSchemas, '_definitions.json'), 'utf8')) as { $id: string };

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * The committed schemas, re-serialized with other whitespace: same content, different hash, so the
 * registry ignores the precompiled validators and compiles each kind lazily.
 */
function lazyRegistry(): { registry: SchemaRegistry; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemas-lazy-'));
  fs.writeFileSync(path.join(dir, '_definitions.json'), JSON.stringify(definitions, null, 1));
  fs.copyFileSync(path.join(committedSchemas, 'index.json'), path.join(dir, 'index.json'));
  return { registry: createSchemaRegistry({ schemaDir: dir }), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

test('a fresh precompilation is byte-identical to the committed validators', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'validators-'));
  try {
    execFileSync(process.execPath, [path.join(repo, 'scripts', 'precompile-validators.mjs'), '--out', out], { stdio: 'pipe' });
    assert.deepEqual(fs.readdirSync(out).sort(), ['validators.d.ts', 'validators.js']);
    for (const file of ['validators.js', 'validators.d.ts']) {
      assert.equal(sha256(path.join(out, file)), sha256(path.join(committedOut, file)), `${file} is stale: run npm run schemas`);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('the precompiled module matches the committed schemas and covers every kind', () => {
  const text = fs.readFileSync(path.join(committedSchemas, '_definitions.json'), 'utf8').replace(/\r\n/g, '\n');
  assert.equal(generated.definitionsHash, createHash('sha256').update(text).digest('hex'));
  for (const { apiVersion, kind } of index.kinds) {
    assert.equal(typeof precompiled[`${apiVersion}/${kind}`], 'function', `${apiVersion}/${kind}`);
  }
});

const BAD_MANIFESTS: { apiVersion: string; kind: string; doc: Record<string, unknown> }[] = [
  {
    apiVersion: 'v1',
    kind: 'Pod',
    doc: {
      metadata: { name: 'p', labels: { app: 1 } },
      spec: {
        restartPolicy: 'always',
        containers: [{ name: 'a', image: 'nginx', imagePullPolicy: 'Sometimes', ports: [{ containerPort: '80' }], resources: { limits: { cpu: true } } }, { image: 'x' }],
        initContainers: [{ name: 'sidecar', image: 'envoy', restartPolicy: 'Always', restartPolicyRules: 'nope' }],
        volumes: [{ name: 'v', emptyDir: { sizeLimit: '1Gi', medium: 'Disk' } }],
        nodeSelectr: { a: 'b' },
      },
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    doc: { metadata: { name: 'd' }, spec: { replicas: 'three', selector: {}, strategy: { type: 'Recreat' }, template: { spec: { containers: 'web' } } } },
  },
  { apiVersion: 'v1', kind: 'Service', doc: { metadata: { name: 's' }, spec: { type: 'Nodeport', ports: [{ port: '80', targetPort: 8080, protocol: 'tcp' }], selector: null } } },
  { apiVersion: 'v1', kind: 'ConfigMap', doc: { metadata: { name: 'c' }, data: { a: 1, b: 'ok' }, immutable: 'yes' } },
  {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    doc: { metadata: { name: 'j' }, spec: { schedule: 5, concurrencyPolicy: 'allow', jobTemplate: { spec: { template: { spec: { containers: [{ nme: 'x' }] } } } } } },
  },
  {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    doc: { metadata: { name: 'h' }, spec: { maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: '80%' } } }] } },
  },
  {
    // JSONSchemaProps has properties named "description": the generator must keep them
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    doc: {
      metadata: { name: 'c' },
      spec: { group: 'x.io', scope: 'Namespaced', names: { plural: 'xs', kind: 'X' }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { description: 7, type: 'object' } } }] },
    },
  },
  { apiVersion: 'v1', kind: 'Pod', doc: [] as unknown as Record<string, unknown> },
];

function raw(errors: readonly ErrorObject[] | null | undefined): unknown[] {
  return (errors ?? []).map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message }));
}

test('precompiled validators report the same problems as freshly compiled ones', () => {
  const ready = createSchemaRegistry();
  const { registry: lazy, cleanup } = lazyRegistry();
  try {
    for (const { apiVersion, kind, doc } of BAD_MANIFESTS) {
      const value = Array.isArray(doc) ? doc : { apiVersion, kind, ...doc };
      const expected = lazy.validate(apiVersion, kind, value);
      assert.ok(expected.length > 0, `${kind} manifest is bad`);
      assert.deepEqual(ready.validate(apiVersion, kind, value), expected, `${apiVersion} ${kind}`);
    }
  } finally {
    cleanup();
  }
});

test('every precompiled validator raises the same raw errors as Ajv compiling the committed schemas', () => {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false, validateSchema: false });
  ajv.addSchema(definitions);
  for (const { apiVersion, kind, definition } of index.kinds) {
    const fresh = ajv.compile({ $ref: `${definitions.$id}#/definitions/${definition}` });
    const ready = precompiled[`${apiVersion}/${kind}`] as ValidateFunction;
    const docs: unknown[] = [
      { apiVersion, kind, metadata: { name: 'x', labels: { a: 1 }, annotations: [] }, bogus: true, spec: 'x', status: 7 },
      { apiVersion: 'wrong', kind, metadata: null, spec: {}, data: { a: 1 }, rules: [{}], subjects: [{}], webhooks: [{}] },
      { apiVersion, kind, metadata: { name: 'x' } },
      'just a string',
    ];
    for (const doc of docs) {
      assert.equal(ready(doc), fresh(doc), `${apiVersion}/${kind} validity`);
      assert.deepEqual(raw(ready.errors), raw(fresh.errors), `${apiVersion}/${kind} errors`);
    }
  }
});
