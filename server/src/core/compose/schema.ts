import Ajv2019 from 'ajv/dist/2019';
import type { ValidateFunction } from 'ajv';
import { composeSchemaPath, findSchemaDir, loadComposeSchemaFile, type JsonSchema } from '../schema/load-schemas';
import { toProblems } from '../schema/problems';
import { SchemaWalker } from '../schema/schema-walker';
import type { FieldInfo, SchemaPath, SchemaProblem } from '../schema/types';
import precompiled, { schemaHash as precompiledHash } from './generated/validator';
import { applyMergeKeys } from './merge-keys';

/** The walker's name for the file's root object: messages read "Unknown field "servics" in Compose file". */
const ROOT = 'Compose file';

/** The Compose Specification schema: validation and field descriptions, loaded on the first Compose file. */
export interface ComposeSchema {
  /** The problems of a Compose file's data as parsed (YAML merge keys are applied here: compose/merge-keys.ts). */
  validate(value: unknown): SchemaProblem[];
  /** The schema node at `path` of a Compose file ([] for the root), for completion and hover. */
  describe(path: SchemaPath): FieldInfo | undefined;
}

/**
 * `wholeFile`: validate every file in one piece, not entry by entry: the reference the tests compare the
 * entry-by-entry validation with.
 */
export function createComposeSchema(options: { schemaDir?: string; wholeFile?: boolean } = {}): ComposeSchema {
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

  /**
   * The problems of each top-level entry and each service, by its data (parse/incremental.ts keeps the data of
   * every entry an edit did not touch, compose/merge-keys.ts its expansion) and its path.
   */
  const byEntry = new WeakMap<object, { key: string; service: string | undefined; problems: SchemaProblem[] }>();
  /**
   * The problems of the top-level entry `key`, or of the service `service` when `key` is `services`. The part to
   * validate is built here, not by a closure per entry: every edit walks all the services.
   */
  const entryProblems = (key: string, service: string | undefined, data: unknown): SchemaProblem[] => {
    const known = data !== null && typeof data === 'object' ? byEntry.get(data) : undefined;
    if (known?.key === key && known.service === service) return known.problems;
    const { validate, walker } = load();
    const value = service === undefined ? { [key]: applyMergeKeys(data) } : { services: { [service]: applyMergeKeys(data) } };
    const problems = validate(value) ? [] : toProblems(validate.errors ?? [], value, walker, ROOT);
    if (data !== null && typeof data === 'object') byEntry.set(data, { key, service, problems });
    return problems;
  };
  return {
    validate(value: unknown): SchemaProblem[] {
      const { validate, walker } = load();
      const root = record(value);
      const services = record(root?.services);
      // A merge key at the top level or among the services mixes entries: the file is validated whole.
      if (options.wholeFile || !root || '<<' in root || (services && '<<' in services)) {
        const merged = applyMergeKeys(value);
        return validate(merged) ? [] : toProblems(validate.errors ?? [], merged, walker, ROOT);
      }
      // The root and `services` constrain each entry on its own (properties, patternProperties,
      // additionalProperties; nothing required, nothing across entries): the file's problems are those of each
      // entry validated alone, in the order of the file, which is the order toProblems sorts them in.
      const problems: SchemaProblem[] = [];
      for (const key of Object.keys(root)) {
        if (key !== 'services' || !services) push(problems, entryProblems(key, undefined, root[key]));
        else for (const name of Object.keys(services)) push(problems, entryProblems(key, name, services[name]));
      }
      return problems;
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

function push(problems: SchemaProblem[], found: readonly SchemaProblem[]): void {
  for (let i = 0; i < found.length; i++) problems.push(found[i]);
}

function record(data: unknown): Record<string, unknown> | undefined {
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}
