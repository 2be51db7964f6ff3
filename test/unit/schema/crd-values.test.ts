// List-map keys (and formats end to end) in CRD schemas, as the API server checks them (schema/crd-values.ts;
// the formats' own cases: crd-formats.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { duplicateListMapKeys, goMapText } from '../../../server/src/core/schema/crd-values';
import { defaultSettings } from '../../../server/src/core/settings';
import { slice } from '../helpers';

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
