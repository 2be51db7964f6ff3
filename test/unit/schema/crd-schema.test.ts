import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSchemaRegistry, compileKindSchema, type SchemaProblem } from '../../../server/src/core/schema/index';
import { compareKubeVersions, crdModelOf, crdSource } from '../../../server/src/core/schema/crd-catalog';
import { OBJECT_META, strictCrdSchema } from '../../../server/src/core/schema/crd-schema';

const registry = createSchemaRegistry();
const builtIn = () => registry.definitionClosure(OBJECT_META);

/** Problems of `value` (a Widget) under a CRD version whose `spec` has the schema `spec`. */
function check(spec: Record<string, unknown>, value: Record<string, unknown>, root: Record<string, unknown> = {}): [string, string, string][] {
  const schema = strictCrdSchema({ type: 'object', properties: { spec }, ...root }, 'Widget', builtIn());
  const compiled = compileKindSchema(schema, { origin: 'test', pathNames: true });
  return compiled.validate({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, ...value }).map((p: SchemaProblem) => [p.code, p.path.join('.'), p.message]);
}

const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, ...extra });

describe('CRD openAPIV3Schema to a strict JSON schema (schema/crd-schema.ts)', () => {
  it('closes objects: an unknown field is reported with the suggestion and the object named by its path', () => {
    const spec = object({ replicas: { type: 'integer' }, template: object({ image: { type: 'string' } }) });
    assert.deepEqual(check(spec, { spec: { replica: 1, template: { imag: 'x' } } }), [
      ['unknown-field', 'spec.replica', 'Unknown field "replica" in Widget.spec. Did you mean "replicas"?'],
      ['unknown-field', 'spec.template.imag', 'Unknown field "imag" in Widget.spec.template. Did you mean "image"?'],
    ]);
    // an object with no properties prunes everything, as the API server does
    assert.deepEqual(check(object({ empty: { type: 'object' } }), { spec: { empty: { a: 1 } } }).map((p) => p[1]), ['spec.empty.a']);
  });

  it('x-kubernetes-preserve-unknown-fields keeps unknown fields and still checks the known ones', () => {
    const spec = object({ known: { type: 'integer' } }, { 'x-kubernetes-preserve-unknown-fields': true });
    assert.deepEqual(check(spec, { spec: { anything: { deep: [1] }, known: 2 } }), []);
    assert.deepEqual(check(spec, { spec: { known: 'two' } }).map((p) => p[0]), ['invalid-type']);
    // a whole root that preserves unknown fields
    assert.deepEqual(check({ type: 'object' }, { spec: {}, extra: 1 }, { 'x-kubernetes-preserve-unknown-fields': true }), []);
  });

  it('x-kubernetes-int-or-string is an integer or a string', () => {
    const spec = object({ port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] } });
    assert.deepEqual(check(spec, { spec: { port: 8080 } }), []);
    assert.deepEqual(check(spec, { spec: { port: 'http' } }), []);
    assert.deepEqual(check(spec, { spec: { port: true } }), [['invalid-type', 'spec.port', 'port must be an integer or a string, got the boolean true']]);
    assert.deepEqual(check(spec, { spec: { port: 1.5 } }).map((p) => p[0]), ['invalid-type']);
  });

  it('nullable accepts null in lists too; an optional field\'s null is pruned (accepted), a required one\'s is not', () => {
    const spec = object(
      { names: { type: 'array', items: { type: 'string', nullable: true } }, tags: { type: 'array', items: { type: 'string' } }, note: { type: 'string' }, id: { type: 'string' } },
      { required: ['id'] },
    );
    assert.deepEqual(check(spec, { spec: { id: 'a', names: ['a', null], note: null } }), []);
    assert.deepEqual(check(spec, { spec: { id: null, tags: ['a', null] } }).map((p) => [p[0], p[1]]), [
      ['invalid-type', 'spec.id'],
      ['invalid-type', 'spec.tags.1'],
    ]);
  });

  it('enums, required fields and nested lists of objects', () => {
    const spec = object(
      { mode: { type: 'string', enum: ['Fast', 'Safe'] }, steps: { type: 'array', items: object({ name: { type: 'string' } }, { required: ['name'] }) } },
      { required: ['mode'] },
    );
    assert.deepEqual(check(spec, { spec: { mode: 'fast', steps: [{ name: 'a' }, {}] } }), [
      ['invalid-enum', 'spec.mode', 'Invalid value "fast" for mode. Allowed values: Fast, Safe. Did you mean "Fast"?'],
      ['missing-required-field', 'spec.steps.1', 'Missing required field "name" in Widget.spec.steps[1].'],
    ]);
    assert.deepEqual(check(spec, { spec: {} }), [['missing-required-field', 'spec', 'Missing required field "mode" in Widget.spec.']]);
    assert.deepEqual(check(object({}), {}, { required: ['spec'] }), [['missing-required-field', '', 'Missing required field "spec" in Widget.']]);
  });

  it('maps (additionalProperties a schema) check their values and take any key', () => {
    const spec = object({ limits: { type: 'object', additionalProperties: { type: 'integer' } } });
    assert.deepEqual(check(spec, { spec: { limits: { cpu: 2, memory: 'x' } } }).map((p) => [p[0], p[1]]), [['invalid-type', 'spec.limits.memory']]);
  });

  it('metadata is ObjectMeta, whatever the CRD writes beyond name constraints; apiVersion and kind are strings', () => {
    assert.deepEqual(check(object({}), { metadata: { name: 'w', lables: {} } }), [['unknown-field', 'metadata.lables', 'Unknown field "lables" in ObjectMeta. Did you mean "labels"?']]);
    const root = { properties: { metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 3 } } } } };
    const schema = strictCrdSchema({ type: 'object', ...root }, 'Widget', builtIn());
    const problems = compileKindSchema(schema, { origin: 'test' }).validate({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'toolong', labels: { a: 'b' } } });
    assert.deepEqual(problems.map((p) => [p.code, p.path.join('.')]), [['invalid-value', 'metadata.name']]);
  });

  it('an embedded resource requires apiVersion and kind, and checks its metadata as ObjectMeta', () => {
    const spec = object({ template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true } });
    assert.deepEqual(check(spec, { spec: { template: { apiVersion: 'v1', kind: 'Pod', spec: { any: 1 } } } }), []);
    assert.deepEqual(check(spec, { spec: { template: { metadata: { nme: 'x' } } } }).map((p) => [p[0], p[2]]), [
      ['missing-required-field', 'Missing required field "apiVersion" in Widget.spec.template.'],
      ['missing-required-field', 'Missing required field "kind" in Widget.spec.template.'],
      ['unknown-field', 'Unknown field "nme" in ObjectMeta. Did you mean "name"?'],
    ]);
  });

  it('bounds: OpenAPI 3.0 exclusiveMinimum, lengths; formats and patterns JavaScript cannot read are not checked', () => {
    const spec = object({
      ratio: { type: 'number', minimum: 0, exclusiveMinimum: true },
      id: { type: 'string', format: 'uuid', maxLength: 4 },
      name: { type: 'string', pattern: '(?i)^[a-z]+$' },
      set: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
    });
    assert.deepEqual(check(spec, { spec: { ratio: 0.5, id: 'abcd', name: 'ABC', set: ['a', 'b'] } }), []);
    assert.deepEqual(check(spec, { spec: { ratio: 0, id: 'abcde', set: ['a', 'a'] } }).map((p) => p[1]), ['spec.ratio', 'spec.id', 'spec.set.1']);
  });

  it('value validations in anyOf/oneOf/allOf add nothing strict', () => {
    const spec = object({ size: { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'integer' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }] } });
    assert.deepEqual(check(spec, { spec: { size: { a: 1 } } }), []);
    assert.ok(check(spec, { spec: { size: {} } }).length > 0);
  });
});

describe('CRD models and served versions (schema/crd-catalog.ts)', () => {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      names: { kind: 'Widget', plural: 'widgets' },
      versions: [
        { name: 'v1', served: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } } } },
        { name: 'v1beta1', served: false, schema: { openAPIV3Schema: { type: 'object' } } },
      ],
    },
  };

  it('a version the CRD does not serve, or does not have, is "no matches for kind", as kubectl says', () => {
    const model = crdModelOf(crd);
    assert.ok(model);
    const source = crdSource([model], builtIn);
    for (const version of ['v1beta1', 'v2']) {
      const problems = source?.lookup(`example.com/${version}`, 'Widget')?.validate({}) ?? [];
      assert.deepEqual(problems.map((p) => [p.code, p.path, p.message, p.data]), [
        ['unknown-kind', ['apiVersion'], `no matches for kind "Widget" in version "example.com/${version}": the CustomResourceDefinition widgets.example.com serves example.com/v1.`, { suggestion: 'Widget', replacement: 'example.com/v1' }],
      ]);
    }
    assert.equal(source?.lookup('example.com/v1', 'Gadget'), undefined);
    assert.equal(source?.lookup('other.example.com/v1', 'Widget'), undefined);
    assert.deepEqual(source?.kinds(), [{ apiVersion: 'example.com/v1', kind: 'Widget' }]);
  });

  it('reads only apiextensions.k8s.io/v1 CRDs with a group and a kind', () => {
    assert.equal(crdModelOf({ ...crd, apiVersion: 'apiextensions.k8s.io/v1beta1' }), undefined);
    assert.equal(crdModelOf({ ...crd, spec: { ...crd.spec, group: '' } }), undefined);
    assert.equal(crdModelOf('not an object'), undefined);
  });

  it('compiles each version once per content: equal schemas share a key, a changed one gets a new key', () => {
    const widget = (value: unknown) => {
      const model = crdModelOf(value);
      assert.ok(model);
      return crdSource([model], builtIn)?.lookup('example.com/v1', 'Widget');
    };
    const first = widget(crd);
    const again = widget(structuredClone(crd));
    const other = widget(JSON.parse(JSON.stringify(crd).replace('"size":{"type":"integer"}', '"size":{"type":"string"}')));
    assert.equal(first?.key, again?.key);
    assert.notEqual(first?.key, other?.key);
    assert.deepEqual(other?.validate({ apiVersion: 'example.com/v1', kind: 'Widget', spec: { size: 3 } }).map((p) => p.code), ['invalid-type']);
  });

  it('a deprecated version is served with the API server\'s warning: the CRD\'s own, or the newest newer version to use', () => {
    const versions = (deprecationWarning?: string) => [
      { name: 'v1alpha1', served: true, deprecated: true, schema: { openAPIV3Schema: { type: 'object' } } },
      { name: 'v1beta1', served: true, deprecated: true, ...(deprecationWarning ? { deprecationWarning } : {}), schema: { openAPIV3Schema: { type: 'object' } } },
      { name: 'v1', served: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } } } },
      { name: 'v2', served: false, schema: { openAPIV3Schema: { type: 'object' } } },
    ];
    const lookup = (version: string, warning?: string) => {
      const model = crdModelOf({ ...crd, spec: { ...crd.spec, versions: versions(warning) } });
      assert.ok(model);
      return crdSource([model], builtIn)?.lookup(`example.com/${version}`, 'Widget');
    };
    const widget = { apiVersion: 'example.com/v1alpha1', kind: 'Widget', spec: { size: 'x' } };
    assert.deepEqual(lookup('v1alpha1')?.validate(widget).map((p) => [p.code, p.message, p.data]), [
      ['crd-version-deprecated', 'example.com/v1alpha1 Widget is deprecated; use example.com/v1 Widget', { replacement: 'example.com/v1' }],
      ['unknown-field', 'Unknown field "spec" in Widget.', { field: 'spec' }],
    ]);
    assert.deepEqual(lookup('v1beta1', 'Widget v1beta1 goes away in 2027.')?.validate(widget).map((p) => p.message), ['Widget v1beta1 goes away in 2027.', 'Unknown field "spec" in Widget.']);
    assert.deepEqual(lookup('v1')?.validate({ ...widget, apiVersion: 'example.com/v1' }).map((p) => p.code), ['invalid-type']);
  });

  it('orders versions as Kubernetes does', () => {
    const order = ['v10', 'v2', 'v1', 'v11beta2', 'v10beta3', 'v3beta1', 'v12alpha1', 'v11alpha2', 'foo1', 'foo10'];
    assert.deepEqual([...order].reverse().sort((a, b) => compareKubeVersions(b, a)), order);
  });
});

