import type { Rule } from '../rules/types';
import type { SchemaRegistry } from '../schema';
import type { Validator } from './validation';

/**
 * What a feature (completion, hover, code actions…) may use of the language service: the compiled schemas, the
 * rules and the validator with its per-document cache. Features take this, never the LanguageService facade, so
 * the facade can import every feature without a circle.
 */
export interface FeatureServices {
  readonly schemas: SchemaRegistry;
  readonly rules: readonly Rule[];
  readonly validator: Validator;
}
