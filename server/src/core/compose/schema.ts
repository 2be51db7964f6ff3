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

  return {
    validate(value: unknown): SchemaProblem[] {
      const { validate, walker } = load();
      if (validate(value)) return [];
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
