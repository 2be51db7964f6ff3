import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { bundledCrdSource } from '../../../server/src/core/schema/bundled-crds';
import { findSchemaDir } from '../../../server/src/core/schema/index';
import { defaultSettings } from '../../../server/src/core/settings';
import { actionsFor, applyAction, pick } from '../code-actions/harness';
import { caret, readFixture, slice } from '../helpers';

const SCHEMA_CODES = new Set(['unknown-field', 'invalid-type', 'invalid-enum', 'missing-required-field', 'invalid-value']);
const service = createLanguageService();

function findings(text: string) {
  return service.validate(parseManifest(text), defaultSettings()).map((f) => ({ code: f.code, severity: f.severity, at: slice(text, f), message: f.message, data: f.data }));
}

function hoverText(text: string, offset: number): string {
  const contents = service.hover(parseManifest(text), offset, defaultSettings())?.contents;
  return typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

describe('bundled CRD schemas (schemas/crds, schema/bundled-crds.ts)', () => {
  it('an Istio VirtualService with a typo gets unknown-field with the suggestion, on the key, as a warning', () => {
    const text = readFixture('crds', 'istio-virtualservice-typo.yaml');
    const found = findings(text);
    assert.deepEqual(
      found.map(({ code, severity, at, message }) => [code, severity, at, message]),
      [
        ['unknown-field', 'warning', 'wieght', 'Unknown field "wieght" in VirtualService.spec.http[0].route[0]. Did you mean "weight"?'],
        ['invalid-type', 'warning', '5', 'timeout must be a string, got the number 5'],
      ],
    );
    assert.equal(found[0].data?.suggestion, 'weight');
    assert.deepEqual(found[0].data?.path, ['spec', 'http', 0, 'route', 0, 'wieght']);
    assert.equal(text.slice(0, text.indexOf('wieght:')).split('\n').length, 15);
  });

  it('the quick fix for the typo is the built-in one (matched by code), and its result is clean', () => {
    const text = readFixture('crds', 'istio-virtualservice-typo.yaml');
    const { actions } = actionsFor(text, 'unknown-field');
    const fixed = applyAction(text, pick(actions, /weight/));
    assert.match(fixed, /^ {10}weight: 75$/m);
    assert.deepEqual(findings(fixed).map((f) => f.code), ['invalid-type']);
  });

  for (const fixture of ['istio.yaml', 'argo.yaml', 'knative.yaml', 'platform.yaml']) {
    it(`real-world style resources are clean: crds/${fixture}`, () => {
      assert.deepEqual(findings(readFixture('crds', fixture)), []);
    });
  }

  it('pod templates in custom resources get the built-in pod schema (Rollout, Workflow sidecar, Knative Service, ScaledJob)', () => {
    const text = readFixture('crds', 'pod-templates-typo.yaml');
    assert.deepEqual(
      findings(text)
        .filter((f) => SCHEMA_CODES.has(f.code))
        .map(({ code, at, message }) => [code, at, message]),
      [
        ['invalid-enum', 'Sometimes', 'Invalid value "Sometimes" for imagePullPolicy. Allowed values: Always, IfNotPresent, Never.'],
        ['unknown-field', 'volumeMount', 'Unknown field "volumeMount" in Container. Did you mean "volumeMounts"?'],
        ['unknown-field', 'comand', 'Unknown field "comand" in Container. Did you mean "command"?'],
        ['unknown-field', 'keys', 'Unknown field "keys" in SecretKeySelector. Did you mean "key"?'],
        ['unknown-field', 'port', 'Unknown field "port" in Container. Did you mean "ports"?'],
        ['unknown-field', 'request', 'Unknown field "request" in ResourceRequirements. Did you mean "requests"?'],
      ],
    );
  });

  it('required fields and enums come from the package; a CRD the package cannot model in detail is free-form', () => {
    const certificate = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\nspec:\n  secretName: c\n  privateKey:\n    algorithm: DSA\n';
    assert.deepEqual(
      findings(certificate).map(({ code, at }) => [code, at]),
      [
        ['missing-required-field', 'spec'],
        ['invalid-enum', 'DSA'],
      ],
    );
    assert.match(findings(certificate)[0].message, /Missing required field "issuerRef" in CertificateSpec/);
    // IstioOperator's CRD preserves unknown fields at its root: @kubernetes-models/istio models no spec for it
    const operator = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: o\nspec:\n  profile: demo\n';
    assert.deepEqual(findings(operator), []);
  });

  it('a kind no bundle models stays silent, and a rules setting still decides the severity', () => {
    assert.deepEqual(findings('apiVersion: example.com/v1\nkind: Widget\nspec:\n  anything: 1\n'), []);
    const text = readFixture('crds', 'istio-virtualservice-typo.yaml');
    const settings = { ...defaultSettings(), rules: { 'unknown-field': 'error' as const } };
    assert.deepEqual(
      service.validate(parseManifest(text), settings).map((f) => [f.code, f.severity]),
      [
        ['unknown-field', 'error'],
        ['invalid-type', 'warning'],
      ],
    );
  });

  it('completes and hovers bundled fields, with the package docs', () => {
    const { text, offset } = caret('apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  trafficPolicy:\n    loadBalancer:\n      simple: |\n');
    const items = service.complete(parseManifest(text), offset, defaultSettings()).items.map((item) => item.label);
    assert.ok(['LEAST_REQUEST', 'ROUND_ROBIN', 'RANDOM'].every((value) => items.includes(value)), items.join(', '));
    const keys = caret('apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: r\nspec:\n  strategy:\n    canary:\n      |\n');
    const labels = service.complete(parseManifest(keys.text), keys.offset, defaultSettings()).items.map((item) => item.label);
    assert.ok(['steps', 'canaryService', 'stableService', 'trafficRouting'].every((name) => labels.includes(name)), labels.join(', '));
    const virtualService = readFixture('crds', 'istio.yaml');
    const hovered = hoverText(virtualService, virtualService.indexOf('perTryTimeout'));
    assert.match(hovered, /Timeout per attempt/i);
    assert.match(hovered, /schema of @kubernetes-models\/istio 3\.0\.1 \(bundled\)/);
  });

  it('offers the bundled apiVersions and kinds', () => {
    const { text, offset } = caret('apiVersion: networking.istio.io/v1\nkind: |\n');
    const labels = service.complete(parseManifest(text), offset, defaultSettings()).items.map((item) => item.label);
    assert.ok(['VirtualService', 'DestinationRule', 'Gateway'].every((kind) => labels.includes(kind)), labels.join(', '));
  });

  it('reads nothing until a custom resource is looked up, then only the index and that package', () => {
    const reads: string[] = [];
    const original = fs.readFileSync;
    const spy = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (typeof file === 'string' && file.includes(`${path.sep}crds${path.sep}`)) reads.push(path.basename(file));
      return (original as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync;
    fs.readFileSync = spy;
    try {
      const source = bundledCrdSource(findSchemaDir(__dirname));
      const fresh = createLanguageService({ bundledKinds: source });
      fresh.validate(parseManifest('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n'), defaultSettings());
      assert.deepEqual(reads, []);
      assert.ok(source.lookup('networking.istio.io/v1', 'VirtualService'));
      assert.ok(source.lookup('security.istio.io/v1', 'PeerAuthentication'));
      assert.equal(source.lookup('example.com/v1', 'Widget'), undefined);
      assert.deepEqual(reads, ['index.json', 'istio.json']);
    } finally {
      fs.readFileSync = original;
    }
  });
});
