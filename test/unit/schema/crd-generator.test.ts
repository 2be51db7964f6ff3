import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATA_PACKAGES } from '../../../scripts/tools/pinned-packages.mjs';

const repo = path.resolve(__dirname, '../../..');
const committed = path.join(repo, 'schemas', 'crds');

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  $ref?: string;
}
interface Index {
  packages: { name: string; version: string; license: string; file: string; groups: string[] }[];
  kinds: { apiVersion: string; kind: string; definition: string; file: string }[];
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
function hash(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
const index = readJson<Index>(path.join(committed, 'index.json'));
const builtIn = readJson<{ definitions: Record<string, Schema> }>(path.join(repo, 'schemas', 'v1.36', '_definitions.json')).definitions;
const definitionsOf = (file: string) => readJson<{ definitions: Record<string, Schema> }>(path.join(committed, file)).definitions;

test('a fresh generation is byte-identical to the committed CRD schemas', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'crd-schemas-'));
  try {
    execFileSync(process.execPath, [path.join(repo, 'scripts', 'generate-crd-schemas.mjs'), '--out', out], { stdio: 'pipe' });
    const fresh = fs.readdirSync(out).sort();
    assert.deepEqual(fresh, fs.readdirSync(committed).sort());
    for (const file of fresh) assert.equal(hash(path.join(out, file)), hash(path.join(committed, file)), file);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('every pinned @kubernetes-models package is bundled at its pinned version, with its licence', () => {
  const pinned = Object.values(DATA_PACKAGES).filter(
    (pin) => pin.package.startsWith('@kubernetes-models/') && pin.package !== '@kubernetes-models/apimachinery',
  );
  assert.deepEqual(
    index.packages.map((p) => `${p.name}@${p.version}`).sort(),
    pinned.map((pin) => `${pin.package}@${pin.version}`).sort(),
  );
  for (const p of index.packages) assert.equal(p.license, 'MIT', p.name);
});

test('the popular kinds are there, and each pins its apiVersion and kind', () => {
  const wanted = [
    'networking.istio.io/v1 VirtualService',
    'networking.istio.io/v1 DestinationRule',
    'networking.istio.io/v1 Gateway',
    'networking.istio.io/v1 ServiceEntry',
    'networking.istio.io/v1 Sidecar',
    'security.istio.io/v1 AuthorizationPolicy',
    'security.istio.io/v1 PeerAuthentication',
    'argoproj.io/v1alpha1 Rollout',
    'argoproj.io/v1alpha1 Workflow',
    'argoproj.io/v1alpha1 Application',
    'monitoring.coreos.com/v1 ServiceMonitor',
    'cert-manager.io/v1 Certificate',
    'keda.sh/v1alpha1 ScaledJob',
    'serving.knative.dev/v1 Service',
    'gateway.networking.k8s.io/v1 HTTPRoute',
    'external-secrets.io/v1 ExternalSecret',
    'kustomize.toolkit.fluxcd.io/v1 Kustomization',
    'karpenter.sh/v1 NodePool',
  ];
  const names = new Set(index.kinds.map((k) => `${k.apiVersion} ${k.kind}`));
  for (const kind of wanted) assert.ok(names.has(kind), kind);
  assert.equal(names.size, index.kinds.length, 'no kind twice');
  for (const k of index.kinds) {
    const root = definitionsOf(k.file)[k.definition];
    assert.deepEqual(root?.properties?.apiVersion?.enum, [k.apiVersion], k.definition);
    assert.deepEqual(root?.properties?.kind?.enum, [k.kind], k.definition);
    const status = root?.properties?.status;
    assert.ok(!status || (status.type === undefined && status.properties === undefined), `${k.kind} status is free-form`);
  }
});

test('every $ref resolves in the package file or in the built-in definitions; Kubernetes types are the built-in ones', () => {
  for (const p of index.packages) {
    const own = definitionsOf(p.file);
    const refs = JSON.stringify(own).match(/"#\/definitions\/[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      const key = ref.slice(15, -1);
      assert.ok(own[key] ?? builtIn[key], `${p.file}: ${key}`);
    }
  }
  const rollouts = definitionsOf('argo-rollouts.json');
  assert.equal(rollouts['argo-rollouts:argoproj.io.v1alpha1.RolloutSpec']?.properties?.template?.$ref, '#/definitions/core.v1.PodTemplateSpec');
  // strict objects, as the built-in schemas
  const spec = definitionsOf('istio.json')['istio:networking.istio.io.v1.VirtualService']?.properties?.spec;
  assert.equal(spec?.additionalProperties, false);
});

test('containers their controller names need no name, in that package only', () => {
  const knative = definitionsOf('knative.json');
  assert.deepEqual(knative['knative:core.v1.Container']?.required, undefined);
  assert.equal(knative['knative:core.v1.HTTPGetAction']?.required, undefined);
  assert.deepEqual(builtIn['core.v1.Container']?.required, ['name']);
  const workflows = definitionsOf('argo-workflows.json');
  assert.equal(workflows['argo-workflows:argoproj.io.v1alpha1.Template']?.properties?.container?.$ref, '#/definitions/argo-workflows:core.v1.Container');
  assert.deepEqual(workflows['argo-workflows:argoproj.io.v1alpha1.UserContainer']?.required, ['name'], 'sidecars keep their required name');
  const steps = workflows['argo-workflows:argoproj.io.v1alpha1.ParallelSteps'];
  assert.deepEqual(steps?.type, ['array', 'null']);
});
