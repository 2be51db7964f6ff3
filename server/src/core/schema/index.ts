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
export { findSchemaDir, KUBERNETES_VERSION } from './load-schemas';
export { closest as suggest, editDistance } from '../text/closest';
