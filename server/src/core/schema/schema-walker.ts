import type { JsonSchema } from './load-schemas';
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

export class SchemaWalker {
  constructor(private readonly definitions: Record<string, JsonSchema>) {}

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
    return { schema: current, definition, description: description ?? current.description };
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

  /** Name of the nearest named type at or above `path` (for "in Container" in messages). */
  typeNameAt(definition: string, path: SchemaPath): string | undefined {
    let node = this.definitionNode(definition);
    let name = node?.definition;
    for (const segment of path) {
      if (!node) break;
      node = this.child(node, segment);
      if (node?.definition) name = node.definition;
    }
    return name ? shortName(name) : undefined;
  }

  fieldInfo(node: ResolvedNode, name: string | number | undefined, required: boolean): FieldInfo {
    const schema = node.schema;
    const rawType = schema.type;
    const types = rawType === undefined ? undefined : Array.isArray(rawType) ? rawType : [rawType];
    const nonNull = types?.filter((t) => t !== 'null');
    const isMap = typeof schema.additionalProperties === 'object';
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
      mapValues: () =>
        typeof schema.additionalProperties === 'object' ? this.fieldInfo(this.resolve(schema.additionalProperties), undefined, false) : undefined,
    };
  }
}
