import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { compileKindSchema, createSchemaRegistry, type KindJsonSchema } from '../../../server/src/core/schema/index';
import { crdModelOf } from '../../../server/src/core/schema/crd-catalog';
import { OBJECT_META, strictCrdSchema } from '../../../server/src/core/schema/crd-schema';
import { readFixture } from '../helpers';

const registry = createSchemaRegistry();

/** The same schema checked by Ajv (compiled) and by the walker (schema/interpret.ts) gives the same problems. */
function same(schema: KindJsonSchema, values: unknown[]): void {
  const ajv = compileKindSchema(schema, { origin: 'ajv', pathNames: true, engine: 'ajv' });
  const walked = compileKindSchema(schema, { origin: 'walk', pathNames: true, engine: 'interpret' });
  for (const value of values) assert.deepEqual(walked.validate(value), ajv.validate(value), JSON.stringify(value));
}

const widget = (spec: unknown) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });

describe('the schema walker (schema/interpret.ts) finds what Ajv finds', () => {
  it('on the fixture CRD and its good and bad resources', () => {
    const model = crdModelOf(parse(readFixture('custom-resources', 'crd-folder', 'crd.yaml')));
    assert.ok(model);
    const schema = strictCrdSchema(model.versions[0].schema, model.kind, registry.definitionClosure(OBJECT_META));
    const documents = ['backup-good.yaml', 'backup-bad.yaml'].flatMap((name) => readFixture('custom-resources', 'crd-folder', name).split(/^---$/m).map((text) => parse(text)));
    same(schema, documents);
    assert.ok(compileKindSchema(schema, { origin: 'walk', engine: 'interpret' }).validate(documents[1]).length >= 8);
  });

  it('on every keyword the converter writes', () => {
    const spec = {
      type: 'object',
      required: ['mode'],
      properties: {
        mode: { type: 'string', enum: ['Fast', 'Safe'] },
        port: { 'x-kubernetes-int-or-string': true },
        ratio: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1 },
        count: { type: 'integer', multipleOf: 2, maximum: 10 },
        name: { type: 'string', minLength: 2, maxLength: 4, pattern: '^[a-z]+$' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2, 'x-kubernetes-list-type': 'set' },
        labels: { type: 'object', additionalProperties: { type: 'string' }, maxProperties: 1 },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { known: { type: 'boolean' } } },
        one: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }] },
        any: { type: 'string', anyOf: [{ pattern: '^x' }, { pattern: 'y$' }] },
        not: { type: 'string', not: { enum: ['forbidden'] } },
        embedded: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
        steps: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
        nullable: { type: 'string', nullable: true, enum: ['a'] },
      },
    };
    const schema = strictCrdSchema({ type: 'object', properties: { spec } }, 'Widget', registry.definitionClosure(OBJECT_META));
    same(schema, [
      widget({ mode: 'Fast' }),
      widget({}),
      widget({ mode: 'fast', port: true, ratio: 0, count: 3, name: 'A', tags: [], labels: { a: 1, b: 'c' } }),
      widget({ mode: 'Safe', ratio: 2, count: 12, name: 'abcdef', tags: ['a', 'a', 'b'], free: { x: 1, known: 'no' } }),
      widget({ mode: 'Safe', one: {}, any: 'zzz', not: 'forbidden', embedded: { metadata: { nme: 1 } }, steps: [{}, { name: 2 }] }),
      widget({ mode: 'Safe', one: { a: 'x', b: 'y' }, any: 'xy', nullable: null, port: 1.5, modes: 1 }),
      widget('not an object'),
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 3, labels: [], ownerReferences: [{}] }, spec: { mode: 'Fast' }, extra: true },
    ]);
  });
});
