import Ajv, { type ValidateFunction } from 'ajv';
import type { CustomKindSchema } from './custom-kinds';
import { contentHash } from './load-schemas';
import { interpretSchema, type Check } from './interpret';
import { toProblems } from './problems';
import { SchemaWalker } from './schema-walker';
import type { FieldInfo, JsonSchema, SchemaPath, SchemaProblem } from './types';

/** A strict JSON schema of one kind: named definitions (`$ref: '#/definitions/<name>'` between them) and the root's name. */
export interface KindJsonSchema {
  definitions: Record<string, JsonSchema>;
  root: string;
}

export interface KindSchemaOptions {
  /** Where the schema comes from, for hover (CustomKindSchema.origin). */
  origin: string;
  /** Content identity; by default a hash of the schema. Equal keys share one compiled validator. */
  key?: string;
  /** Name inline objects by their path (`Widget.spec.ports[0]`) in messages: for schemas without named types. */
  pathNames?: boolean;
  /**
   * 'ajv' (default) compiles the schema on first use; 'interpret' walks the value with it (schema/interpret.ts),
   * compiling nothing: for large schemas checking small documents (CRDs), with the keywords interpret.ts reads.
   */
  engine?: 'ajv' | 'interpret';
}

/**
 * The most compiled custom-kind validators kept. Editing a CRD makes a new schema on each keystroke; the old ones
 * are dropped from Ajv (removeSchema), so a long session does not keep every version it ever saw.
 */
const MAX_COMPILED = 64;

let ajv: Ajv | undefined;
/** Compiled validators by content key, oldest first (a Map keeps insertion order). */
const compiled = new Map<string, { schema: object; validate: ValidateFunction | undefined }>();

function validatorFor(key: string, schema: KindJsonSchema): ValidateFunction | undefined {
  const known = compiled.get(key);
  if (known) {
    compiled.delete(key);
    compiled.set(key, known);
    return known.validate;
  }
  ajv ??= new Ajv({ allErrors: true, allowUnionTypes: true, strict: false, validateSchema: false });
  const document = { definitions: schema.definitions, $ref: `#/definitions/${schema.root}` };
  let validate: ValidateFunction | undefined;
  try {
    validate = ajv.compile(document);
  } catch {
    // A schema Ajv cannot compile (a construct the converter let through): the kind stays unchecked, as with no schema.
    validate = undefined;
  }
  compiled.set(key, { schema: document, validate });
  while (compiled.size > MAX_COMPILED) {
    const [oldKey, old] = compiled.entries().next().value as [string, { schema: object }];
    compiled.delete(oldKey);
    ajv.removeSchema(old.schema);
  }
  return validate;
}

/** How many custom-kind validators are compiled now (for tests of the cache). */
export function compiledKindSchemaCount(): number {
  return compiled.size;
}

export function hashOf(value: unknown): string {
  return contentHash(JSON.stringify(value));
}

/**
 * A custom kind's schema as the validator, completion and hover use it: compiled once per content (on the first
 * validation, not before), problems in the same words and paths as the built-in kinds' (toProblems), fields
 * described by the same walker.
 */
export function compileKindSchema(schema: KindJsonSchema, options: KindSchemaOptions): CustomKindSchema {
  const key = options.key ?? hashOf(schema);
  const walker = new SchemaWalker(schema.definitions, { pathNames: options.pathNames });
  let walk: Check | undefined;
  return {
    key,
    origin: options.origin,
    validate(value: unknown): SchemaProblem[] {
      if (options.engine === 'interpret') {
        walk ??= interpretSchema(schema.definitions, schema.root);
        const errors = walk(value);
        return errors.length ? toProblems(errors, value, walker, schema.root) : [];
      }
      const validate = validatorFor(key, schema);
      if (!validate || validate(value)) return [];
      return toProblems(validate.errors ?? [], value, walker, schema.root);
    },
    describe(path: SchemaPath): FieldInfo | undefined {
      return walker.describe(schema.root, path);
    },
  };
}
