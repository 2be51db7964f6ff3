export type {
  FieldInfo,
  KindInfo,
  RemovedApiVersion,
  SchemaPath,
  SchemaProblem,
  SchemaProblemCode,
  SchemaRegistry,
  SchemaRegistryOptions,
} from './types';
export { createSchemaRegistry } from './registry';
export { chainSources, withCustomKinds, type CustomKindSchema, type CustomKindSource } from './custom-kinds';
export { compileKindSchema, type KindJsonSchema, type KindSchemaOptions } from './kind-schema';
export { findSchemaDir, KUBERNETES_VERSION } from './load-schemas';
export { closest as suggest, editDistance } from '../text/closest';
