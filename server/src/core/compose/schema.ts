import Ajv2019 from 'ajv/dist/2019';
import type { ValidateFunction } from 'ajv';
import { composeSchemaPath, findSchemaDir, loadComposeSchemaFile, type JsonSchema } from '../schema/load-schemas';
import { toProblems } from '../schema/problems';
import { SchemaWalker } from '../schema/schema-walker';
import type { FieldInfo, SchemaPath, SchemaProblem } from '../schema/types';
import precompiled, { schemaHash as precompiledHash } from './generated/validator';

/** The walker's name for the file's root object: messages read "Unknown field "servics" in Compose file". */
const ROOT = 'Compose file';

/** The Compose Specification schema: validation and field descriptions, loaded on the first Compose file. */
export interface ComposeSchema {
  validate(value: unknown): SchemaProblem[];
  /** The schema node at `path` of a Compose file ([] for the root), for completion and hover. */
  describe(path: SchemaPath): FieldInfo | undefined;
}

export function createComposeSchema(options: { schemaDir?: string } = {}): ComposeSchema {
  let loaded: { validate: ValidateFunction; walker: SchemaWalker } | undefined;
  const load = () => {
    if (loaded) return loaded;
    const kubernetesDir = options.schemaDir ?? findSchemaDir(typeof __dirname === 'string' ? __dirname : process.cwd());
    const { schema, schemaHash } = loadComposeSchemaFile(composeSchemaPath(kubernetesDir));
    const { definitions, ...root } = schema;
    const walker = new SchemaWalker({ ...definitions, [ROOT]: root as JsonSchema });
    // The validator precompiled from this very schema (scripts/generate-compose-schema.mjs); any other
    // schema file is compiled here once, with the generator's options.
    let validate: ValidateFunction = precompiled;
    if (precompiledHash !== schemaHash) {
      const ajv = new Ajv2019({ allErrors: true, allowUnionTypes: true, strict: false, validateSchema: false, formats: { expose: true } });
      ajv.removeKeyword('id');
      validate = ajv.compile(schema);
    }
    loaded = { validate, walker };
    return loaded;
  };

  /** The last files that validated clean (their data after merge keys), to check an edit of one of them by its part. */
  const clean: object[] = [];
  return {
    validate(value: unknown): SchemaProblem[] {
      const { validate, walker } = load();
      if (value !== null && typeof value === 'object' && clean.includes(value)) return [];
      // One entry changed in a file that was valid: valid when that entry is (see changedPart).
      const part = clean.map((previous) => changedPart(previous, value)).find((found) => found !== undefined);
      if (part && validate(part)) {
        remember(clean, value);
        return [];
      }
      if (validate(value)) {
        remember(clean, value);
        return [];
      }
      return toProblems(validate.errors ?? [], value, walker, ROOT);
    },
    describe(path: SchemaPath): FieldInfo | undefined {
      const { walker } = load();
      const node = walker.walk(ROOT, path);
      if (!node) return undefined;
      if (path.length === 0) return walker.fieldInfo(node, undefined, true);
      const parent = walker.walk(ROOT, path.slice(0, -1));
      const name = path[path.length - 1];
      const required = typeof name === 'string' && (parent?.schema.required?.includes(name) ?? false);
      return walker.fieldInfo(node, name, required);
    },
  };
}

const CLEAN_FILES_KEPT = 4;

function remember(clean: object[], value: unknown): void {
  if (value === null || typeof value !== 'object' || clean.includes(value)) return;
  clean.unshift(value);
  clean.length = Math.min(clean.length, CLEAN_FILES_KEPT);
}

/**
 * When `value` is `previous` with one top-level entry, or one service under `services:`, changed (every other
 * value the same object: parse/incremental.ts shares them, compose/merge-keys.ts keeps their expansion), the file
 * holding only that entry. The schema's root and `services` constrain each entry on its own (properties,
 * patternProperties, additionalProperties; nothing required, nothing across entries), so `value` is valid exactly
 * when `previous` was and this part is. Undefined when more changed.
 */
function changedPart(previous: object, value: unknown): Record<string, unknown> | undefined {
  const one = (before: Record<string, unknown>, after: Record<string, unknown>): string | undefined => {
    const oldKeys = Object.keys(before);
    const newKeys = Object.keys(after);
    if (oldKeys.length !== newKeys.length) return undefined;
    let changed: string | undefined;
    for (let i = 0; i < newKeys.length; i++) {
      if (oldKeys[i] === newKeys[i] && before[oldKeys[i]] === after[newKeys[i]]) continue;
      if (changed !== undefined) return undefined;
      changed = newKeys[i];
    }
    return changed;
  };
  const record = (data: unknown) => (data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined);
  const before = record(previous);
  const after = record(value);
  if (!before || !after || before === after) return undefined;
  const key = one(before, after);
  if (key === undefined) return undefined;
  const services = key === 'services' ? { before: record(before.services), after: record(after.services) } : undefined;
  if (services?.before && services.after) {
    const name = one(services.before, services.after);
    if (name !== undefined) return { services: { [name]: services.after[name] } };
  }
  return { [key]: after[key] };
}
