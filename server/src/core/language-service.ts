import { Validator } from './features/validation';
import { allRules, type Rule } from './rules';
import { createSchemaRegistry, type SchemaRegistry } from './schema';

/**
 * The pure language service: everything the LSP layer and the CLI need, with no connection and no global state.
 * One instance per server (or CLI run); schemas are compiled once per kind inside it.
 */
export interface LanguageService {
  schemas: SchemaRegistry;
  rules: readonly Rule[];
  validator: Validator;
}

export function createLanguageService(options: { schemaDir?: string } = {}): LanguageService {
  const schemas = createSchemaRegistry({ schemaDir: options.schemaDir });
  return { schemas, rules: allRules, validator: new Validator(schemas, allRules) };
}
