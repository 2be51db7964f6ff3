import type { JsonSchema } from './types';
import type { FieldInfo, SchemaPath } from './types';
import { own } from '../text/own';

const REF_PREFIX = '#/definitions/';

/** A schema node with the definition it came from (if it is a named type). */
export interface ResolvedNode {
  schema: JsonSchema;
  definition?: string;
  /** Description found on the referring property, which is more specific than the type's own. */
  description?: string;
}

export function shortName(definition: string): string {
  return definition.slice(definition.lastIndexOf('.') + 1);
}

/** Extension keys (`x-…`) that Compose accepts anywhere: not fields to offer, nor maps of values. */
const EXTENSION_PATTERN = '^x-';

export class SchemaWalker {
  private readonly flattened = new WeakMap<JsonSchema, JsonSchema>();
  private readonly patterns = new Map<string, RegExp | null>();

  /**
   * `pathNames`: schemas whose objects are inline (a CRD's openAPIV3Schema) name the object by its path below the
   * nearest named type (`Widget.spec.ports[0]`) instead of that type alone, so a message says which object it means.
   */
  constructor(
    private readonly definitions: Record<string, JsonSchema>,
    private readonly options: { pathNames?: boolean } = {},
  ) {}

  resolve(schema: JsonSchema): ResolvedNode {
    let current = schema;
    let definition: string | undefined;
    const description = schema.description;
    // $ref chains are one step deep in generated schemas; the bound guards against a malformed file.
    for (let i = 0; i < 8 && current.$ref?.startsWith(REF_PREFIX); i++) {
      definition = current.$ref.slice(REF_PREFIX.length);
      const target = own(this.definitions, definition);
      if (!target) break;
      current = target;
    }
    return { schema: this.flatten(current), definition, description: description ?? current.description };
  }

  /**
   * oneOf/anyOf alternatives (Compose's short and long syntax: a port as a number, a string or an object)
   * read as one node for walking, completion and hover: the union of their types, properties and items.
   * Validation still uses the real schema; this only answers "what may go here".
   */
  private flatten(schema: JsonSchema, depth = 0): JsonSchema {
    const branches = schema.oneOf ?? schema.anyOf;
    if (!branches) return schema;
    const known = this.flattened.get(schema);
    if (known) return known;
    const merged: JsonSchema = { ...schema };
    delete merged.oneOf;
    delete merged.anyOf;
    const types = new Set<string>();
    let untyped = false;
    let everyEnum = true;
    const enumValues: unknown[] = [];
    for (const branch of branches) {
      let resolved = branch;
      for (let i = 0; i < 8 && resolved.$ref?.startsWith(REF_PREFIX); i++) resolved = this.definitions[resolved.$ref.slice(REF_PREFIX.length)] ?? {};
      if (depth < 4) resolved = this.flatten(resolved, depth + 1);
      if (resolved.type === undefined) untyped = true;
      else for (const type of Array.isArray(resolved.type) ? resolved.type : [resolved.type]) types.add(type);
      if (resolved.enum) enumValues.push(...resolved.enum);
      else everyEnum = false;
      if (resolved.properties) merged.properties = { ...resolved.properties, ...merged.properties };
      if (resolved.patternProperties) merged.patternProperties = { ...resolved.patternProperties, ...merged.patternProperties };
      if (resolved.required && !merged.required) merged.required = resolved.required;
      if (resolved.items && !merged.items) merged.items = resolved.items;
      if (typeof resolved.additionalProperties === 'object' && typeof merged.additionalProperties !== 'object') merged.additionalProperties = resolved.additionalProperties;
      merged.description ??= resolved.description;
    }
    if (merged.type === undefined && !untyped) merged.type = [...types];
    if (everyEnum && !merged.enum) merged.enum = enumValues;
    this.flattened.set(schema, merged);
    return merged;
  }

  private patternMatches(pattern: string, key: string): boolean {
    let regex = this.patterns.get(pattern);
    if (regex === undefined) {
      try {
        regex = new RegExp(pattern, 'u');
      } catch {
        regex = null;
      }
      this.patterns.set(pattern, regex);
    }
    return regex?.test(key) ?? false;
  }

  /** The schema of the values of a map whose keys are names (Compose services, volumes): its non-extension pattern. */
  private namedValues(schema: JsonSchema): JsonSchema | undefined {
    if (typeof schema.additionalProperties === 'object') return schema.additionalProperties;
    const entry = Object.entries(schema.patternProperties ?? {}).find(([pattern]) => pattern !== EXTENSION_PATTERN);
    return entry?.[1];
  }

  definitionNode(definition: string): ResolvedNode | undefined {
    const schema = own(this.definitions, definition);
    return schema ? { schema, definition, description: schema.description } : undefined;
  }

  child(parent: ResolvedNode, segment: string | number): ResolvedNode | undefined {
    const schema = parent.schema;
    if (typeof segment === 'number') {
      return schema.items ? this.resolve(schema.items) : undefined;
    }
    const property = own(schema.properties, segment);
    if (property) return this.resolve(property);
    for (const [pattern, value] of Object.entries(schema.patternProperties ?? {})) {
      if (this.patternMatches(pattern, segment)) return this.resolve(value);
    }
    if (typeof schema.additionalProperties === 'object') return this.resolve(schema.additionalProperties);
    return undefined;
  }

  walk(definition: string, path: SchemaPath): ResolvedNode | undefined {
    let node = this.definitionNode(definition);
    for (const segment of path) {
      if (!node) return undefined;
      node = this.child(node, segment);
    }
    return node;
  }

  /** The field at `path` below a definition ([] is the definition itself), with whether its parent requires it. */
  describe(definition: string, path: SchemaPath): FieldInfo | undefined {
    if (path.length === 0) {
      const root = this.definitionNode(definition);
      return root ? this.fieldInfo(root, undefined, true) : undefined;
    }
    const parent = this.walk(definition, path.slice(0, -1));
    const node = parent && this.child(parent, path[path.length - 1]);
    if (!parent || !node) return undefined;
    const name = path[path.length - 1];
    const required = typeof name === 'string' && (parent.schema.required?.includes(name) ?? false);
    return this.fieldInfo(node, name, required);
  }

  /** Name of the nearest named type at or above `path` (for "in Container" in messages). */
  typeNameAt(definition: string, path: SchemaPath): string | undefined {
    let node = this.definitionNode(definition);
    let name = node?.definition;
    let below = '';
    for (const segment of path) {
      if (!node) break;
      node = this.child(node, segment);
      if (node?.definition) {
        name = node.definition;
        below = '';
      } else {
        below += typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
      }
    }
    if (!name) return undefined;
    return this.options.pathNames ? `${shortName(name)}${below}` : shortName(name);
  }

  fieldInfo(node: ResolvedNode, name: string | number | undefined, required: boolean): FieldInfo {
    const schema = node.schema;
    const rawType = schema.type;
    const types = rawType === undefined ? undefined : Array.isArray(rawType) ? rawType : [rawType];
    const nonNull = types?.filter((t) => t !== 'null');
    const values = this.namedValues(schema);
    const isMap = typeof schema.additionalProperties === 'object' || (values !== undefined && !schema.properties);
    // "" and null stand for "unset" in optional enums; not values to offer or list
    const enumValues = schema.enum?.filter((v) => v !== null && v !== '');
    return {
      name,
      typeName: node.definition ? shortName(node.definition) : undefined,
      definition: node.definition,
      description: node.description,
      type: nonNull === undefined ? undefined : nonNull.length === 1 ? nonNull[0] : nonNull,
      enum: enumValues,
      required,
      nullable: types === undefined || types.includes('null'),
      isMap,
      isArray: nonNull?.includes('array') ?? false,
      requiredProperties: [...(schema.required ?? [])].sort(),
      propertyNames: () => Object.keys(schema.properties ?? {}).sort(),
      // Arrow functions keep `this` bound to the walker: children are resolved lazily, on demand.
      property: (childName: string) => {
        const child = this.child(node, childName);
        if (!child || !own(schema.properties, childName)) return undefined;
        return this.fieldInfo(child, childName, schema.required?.includes(childName) ?? false);
      },
      items: () => (schema.items ? this.fieldInfo(this.resolve(schema.items), 0, false) : undefined),
      mapValues: () => (values ? this.fieldInfo(this.resolve(values), undefined, false) : undefined),
    };
  }
}
