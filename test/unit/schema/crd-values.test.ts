// Formats and list-map keys in CRD schemas, as the API server checks them (schema/crd-values.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { duplicateListMapKeys, goMapText, isCheckedFormat, matchesFormat } from '../../../server/src/core/schema/crd-values';
import { defaultSettings } from '../../../server/src/core/settings';
import { slice } from '../helpers';

describe('formats the API server checks', () => {
  it('date: Go time.Parse("2006-01-02"), leap years included', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01']) assert.ok(matchesFormat('date', ok), ok);
    for (const bad of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '24-01-01', '2024-01-01T00:00:00Z', 'today']) assert.ok(!matchesFormat('date', bad), bad);
  });

  it('date-time (datetime): strfmt IsDateTime, zone required, any character before the fraction', () => {
    for (const ok of ['2024-01-01T10:00:00Z', '2024-01-01t10:00:00z', '2024-01-01T23:59:59.123456+02:00', '2024-01-01T10:00:00,5Z', '2024-01-01T10:00:00-07:00']) {
      assert.ok(matchesFormat('date-time', ok), ok);
      assert.ok(matchesFormat('datetime', ok), ok);
    }
    for (const bad of ['2024-01-01T10:00:00', '2024-01-01 10:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T10:60:00Z', '2024-02-30T10:00:00Z', '2024-01-01', 'tomorrow']) assert.ok(!matchesFormat('date-time', bad), bad);
  });

  it('uuid (upper case and missing dashes allowed), uuid4; byte only where no base64 text can be', () => {
    assert.ok(matchesFormat('uuid', '123E4567-E89B-12D3-A456-426614174000'));
    assert.ok(matchesFormat('uuid', '123e4567e89b12d3a456426614174000'));
    assert.ok(!matchesFormat('uuid', '123e4567-e89b-12d3-a456'));
    assert.ok(matchesFormat('uuid4', '9b2c5a4e-3f1d-4c2b-8a7e-1d2c3b4a5f6e'));
    assert.ok(!matchesFormat('uuid4', '9b2c5a4e-3f1d-1c2b-8a7e-1d2c3b4a5f6e'));
    for (const ok of ['aGVsbG8=', 'aGVsbG8h', 'YQ==', '']) assert.ok(matchesFormat('byte', ok), ok);
    for (const bad of ['aGVsbG8', 'a=bc', 'aGVs bG8=', 'YQ===', 'a-b_']) assert.ok(!matchesFormat('byte', bad), bad);
  });

  it('formats the API server blanks (int32, int64, double) or that are not reproduced exactly are not checked', () => {
    for (const format of ['int32', 'int64', 'double', 'float', 'hostname', 'email', 'duration', 'k8s-short-name', 'quantity']) {
      assert.ok(!isCheckedFormat(format), format);
      assert.ok(matchesFormat(format, 'anything at all'));
    }
  });
});

describe('list-map keys (x-kubernetes-list-type: map)', () => {
  const ports = [{ name: 'containerPort' }, { name: 'protocol', default: 'TCP' }];

  it('a key field left out takes its default; only the second appearance of each key is reported', () => {
    assert.deepEqual(duplicateListMapKeys([{ containerPort: 80 }, { containerPort: 80, protocol: 'TCP' }], ports), [{ index: 1, key: { containerPort: 80, protocol: 'TCP' } }]);
    assert.deepEqual(duplicateListMapKeys([{ containerPort: 80 }, { containerPort: 80, protocol: 'UDP' }], ports), []);
    const three = [{ name: 'a' }, { name: 'a' }, { name: 'b' }, { name: 'a' }];
    assert.deepEqual(duplicateListMapKeys(three, [{ name: 'name' }]).map((d) => d.index), [1]);
    // Missing without a default: unspecified, and two unspecified keys collide (the required check reports them too).
    assert.deepEqual(duplicateListMapKeys([{ x: 1 }, { y: 2 }], [{ name: 'name' }]).map((d) => d.index), [1]);
    assert.deepEqual(duplicateListMapKeys([null, null, { name: 'a' }], [{ name: 'name', default: 'a' }]).map((d) => d.index), [1]);
    assert.deepEqual(duplicateListMapKeys(['a', 'a'], [{ name: 'name' }]), [], 'not objects: left to the type check');
  });

  it('prints the key as Go\'s %#v of a map', () => {
    assert.equal(goMapText({ protocol: 'TCP', containerPort: 80 }), 'map[string]interface {}{"containerPort":80, "protocol":"TCP"}');
    assert.equal(goMapText({}), 'map[string]interface {}{}');
  });
});

describe('a custom resource checked by its CRD: formats and list-map keys', () => {
  const spec = {
    type: 'object',
    properties: {
      startAt: { type: 'string', format: 'date-time' },
      day: { type: 'string', format: 'date' },
      replicas: { type: 'integer', format: 'int32' },
      hooks: {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name', 'phase'],
        items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, phase: { type: 'string', default: 'Pre' }, command: { type: 'string' } } },
      },
    },
  };
  const crd = stringify({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'jobs.batch.example.com' },
    spec: { group: 'batch.example.com', scope: 'Namespaced', names: { plural: 'jobs', singular: 'job', kind: 'Run' }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec } } } }] },
  });
  const service = createLanguageService();
  const run = (body: string) => {
    const file = parseManifest(`${crd}---\napiVersion: batch.example.com/v1\nkind: Run\nmetadata:\n  name: r\nspec:\n${body}`);
    return service.validate(file, defaultSettings()).map((f) => [f.code, slice(file.text, f), f.message]);
  };

  it('reports a bad date-time and a repeated key in the API server\'s words, at the value', () => {
    assert.deepEqual(run('  startAt: "2024-01-01 10:00"\n  day: "2024-02-30"\n  replicas: 99999999999\n  hooks:\n    - name: backup\n    - name: backup\n      phase: Pre\n    - name: backup\n      phase: Post\n'), [
      ['invalid-value', '"2024-01-01 10:00"', 'spec.startAt in body must be of type date-time: "2024-01-01 10:00"'],
      ['invalid-value', '"2024-02-30"', 'spec.day in body must be of type date: "2024-02-30"'],
      ['invalid-value', 'backup', 'spec.hooks[1]: Duplicate value: map[string]interface {}{"name":"backup", "phase":"Pre"}: the list is a map keyed by name, phase, so each key may appear once.'],
    ]);
  });

  it('valid values are clean', () => {
    assert.deepEqual(run('  startAt: "2024-01-01T10:00:00Z"\n  day: "2024-02-29"\n  hooks:\n    - name: backup\n    - name: backup\n      phase: Post\n'), []);
  });
});
