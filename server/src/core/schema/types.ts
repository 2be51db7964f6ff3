/** Path inside the document's JS value: object keys and array indexes. */
export type SchemaPath = (string | number)[];

export type SchemaProblemCode =
  | 'unknown-field'
  | 'invalid-type'
  | 'invalid-enum'
  | 'missing-required-field'
  | 'removed-api-version'
  | 'invalid-value'
  | 'unknown-kind'
  | 'crd-version-deprecated';

export interface SchemaProblem {
  /** Where to underline. */
  path: SchemaPath;
  /** 'key': underline the key at `path` (for a missing field, `path` is the parent object); 'value': its value. */
  target: 'key' | 'value';
  code: SchemaProblemCode;
  message: string;
  data?: { suggestion?: string; field?: string; allowed?: string[]; replacement?: string };
  /**
   * Reported at this severity instead of the code's default (a `rules` setting still wins): a bundled CRD schema
   * may be of another release than the cluster's, so what it finds is a warning (schema/bundled-crds.ts).
   */
  severity?: 'warning';
  /** The API server checks this only from this Kubernetes minor on (a CRD format introduced later: crd-formats.ts). */
  sinceMinor?: number;
}

export interface KindInfo {
  apiVersion: string;
  kind: string;
  /** Key in `_definitions.json`, e.g. `apps.v1.Deployment`. */
  definition: string;
  /** Standalone per-kind schema file name inside the schema dir. */
  file: string;
  description?: string;
}

export interface RemovedApiVersion {
  apiVersion: string;
  kind: string;
  removedIn: string;
  /** apiVersion to use instead; null when the kind itself is gone (PodSecurityPolicy). */
  replacement: string | null;
  note?: string;
}

/**
 * One schema node, resolved through `$ref`. Children are computed on demand so that a completion
 * request only touches the nodes it lists.
 */
export interface FieldInfo {
  /** Last path segment (key or index); undefined for the document root. */
  name?: string | number;
  /** Definition short name when the node is a named type (Container, PodSpec, ObjectMeta). */
  typeName?: string;
  /** Full definition key, e.g. `core.v1.Container`. */
  definition?: string;
  description?: string;
  /** JSON types without "null"; undefined means any value. */
  type?: string | string[];
  /** Allowed values, without the null and "" that optional enums also accept. */
  enum?: unknown[];
  /** Whether the parent object requires this field. */
  required: boolean;
  /** Whether an explicit null is accepted. */
  nullable: boolean;
  /** Object whose keys are free-form (labels, annotations, resources.limits). */
  isMap: boolean;
  isArray: boolean;
  /** Names of required child properties (sorted). */
  requiredProperties: string[];
  /** Names of the known child properties (sorted); empty for maps, scalars and free-form values. */
  propertyNames(): string[];
  property(name: string): FieldInfo | undefined;
  /** Element schema of a list. */
  items(): FieldInfo | undefined;
  /** Value schema of a map. */
  mapValues(): FieldInfo | undefined;
}

export interface SchemaRegistry {
  /** undefined for kinds the schemas do not model (CRDs) and for removed apiVersions. */
  lookup(apiVersion: string, kind: string): KindInfo | undefined;
  /** The removal record when `apiVersion`/`kind` is no longer served by Kubernetes 1.36. */
  removal(apiVersion: string, kind: string): RemovedApiVersion | undefined;
  /** [] for unknown kinds. */
  validate(apiVersion: string, kind: string, value: unknown): SchemaProblem[];
  describe(apiVersion: string, kind: string, path: SchemaPath): FieldInfo | undefined;
  knownKinds(): { apiVersion: string; kind: string }[];
  /**
   * Calls `visit` for every key of every object in `value` whose schema type is one of `targets`, walking only
   * the parts of the document from which such a type can be reached (so a ConfigMap's data is never walked).
   */
  visitFields(apiVersion: string, kind: string, value: unknown, targets: ReadonlySet<string>, visit: FieldVisitor): void;
  /**
   * A definition and every definition it references, by name (`$ref: '#/definitions/<name>'` between them): the
   * built-in types a custom kind's schema builds on (a custom resource's metadata is ObjectMeta).
   */
  definitionClosure(definition: string): Record<string, JsonSchema>;
  readonly kubernetesVersion: string;
  readonly schemaDir: string;
}

export type FieldVisitor = (definition: string, field: string, path: SchemaPath, fieldValue: unknown) => void;

export interface SchemaRegistryOptions {
  /** Folder holding `_definitions.json` and `index.json` (e.g. `<repo>/schemas/v1.36`). */
  schemaDir?: string;
}

/** A JSON Schema node as the generator writes it. */
export interface JsonSchema {
  $ref?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  /** Compose: keys by pattern (service names, `^x-` extensions). */
  patternProperties?: Record<string, JsonSchema>;
  deprecated?: boolean;
}
