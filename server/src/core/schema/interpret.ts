import type { ErrorObject } from 'ajv';
import type { JsonSchema } from './types';
import { duplicateListMapKeys, FORMAT_KEYWORD, LIST_MAP_KEYS_KEYWORD, type ListMapKey } from './crd-values';
import { matchesFormat } from './crd-formats';

/**
 * A JSON schema checked by walking the value with it, with Ajv's error objects (keyword, instancePath, params,
 * message) so toProblems words them as for the built-in kinds. For the schemas of CustomResourceDefinitions: they are
 * large (prometheus-operator's Prometheus CRD is 830 KB, and Ajv takes over a second of CPU to compile it) while a
 * custom resource is small, so walking costs what the document costs and nothing is compiled.
 *
 * The keywords are those crd-schema.ts writes and the built-in ObjectMeta uses: $ref (to `#/definitions/<name>`,
 * with its siblings applied, as Ajv 8 does), type, enum, required, properties, patternProperties,
 * additionalProperties, items, the numeric, length, item-count and property-count bounds, pattern, uniqueItems,
 * allOf, anyOf, oneOf and not, crd-formats.ts' formats and crd-values.ts' list-map keys. Others are ignored (never a false
 * finding).
 */

type Node = JsonSchema & Record<string, unknown>;
export type Check = (value: unknown) => ErrorObject[];

const REF = '#/definitions/';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value) && value % 1 === 0;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
    default:
      return true;
  }
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equal(a[key], b[key]));
  }
  return false;
}

function pointer(path: string, segment: string | number): string {
  return `${path}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function error(keyword: string, instancePath: string, params: Record<string, unknown>, message: string): ErrorObject {
  return { keyword, instancePath, schemaPath: '', params, message };
}

const BOUNDS: readonly [keyword: string, applies: (value: unknown) => number | undefined, fails: (size: number, limit: number) => boolean, message: (limit: number) => string][] = [
  ['minimum', (v) => (typeof v === 'number' ? v : undefined), (n, l) => n < l, (l) => `must be >= ${l}`],
  ['maximum', (v) => (typeof v === 'number' ? v : undefined), (n, l) => n > l, (l) => `must be <= ${l}`],
  ['exclusiveMinimum', (v) => (typeof v === 'number' ? v : undefined), (n, l) => n <= l, (l) => `must be > ${l}`],
  ['exclusiveMaximum', (v) => (typeof v === 'number' ? v : undefined), (n, l) => n >= l, (l) => `must be < ${l}`],
  ['minLength', (v) => (typeof v === 'string' ? [...v].length : undefined), (n, l) => n < l, (l) => `must NOT have fewer than ${l} characters`],
  ['maxLength', (v) => (typeof v === 'string' ? [...v].length : undefined), (n, l) => n > l, (l) => `must NOT have more than ${l} characters`],
  ['minItems', (v) => (Array.isArray(v) ? v.length : undefined), (n, l) => n < l, (l) => `must NOT have fewer than ${l} items`],
  ['maxItems', (v) => (Array.isArray(v) ? v.length : undefined), (n, l) => n > l, (l) => `must NOT have more than ${l} items`],
  ['minProperties', (v) => (isPlainObject(v) ? Object.keys(v).length : undefined), (n, l) => n < l, (l) => `must NOT have fewer than ${l} properties`],
  ['maxProperties', (v) => (isPlainObject(v) ? Object.keys(v).length : undefined), (n, l) => n > l, (l) => `must NOT have more than ${l} properties`],
];

/** A checker of values against `definitions[root]`. */
export function interpretSchema(definitions: Readonly<Record<string, JsonSchema>>, root: string): Check {
  const patterns = new Map<string, RegExp | null>();
  const regex = (source: string): RegExp | null => {
    let compiled = patterns.get(source);
    if (compiled === undefined) {
      try {
        compiled = new RegExp(source, 'u');
      } catch {
        compiled = null;
      }
      patterns.set(source, compiled);
    }
    return compiled;
  };

  /** Appends the value's errors under `schema` to `out`; returns whether it is valid. `depth` bounds $ref loops. */
  function check(schema: Node, value: unknown, path: string, out: ErrorObject[], depth: number): boolean {
    const before = out.length;
    if (typeof schema.$ref === 'string' && schema.$ref.startsWith(REF) && depth < 64) {
      const target = definitions[schema.$ref.slice(REF.length)] as Node | undefined;
      if (target) check(target, value, path, out, depth + 1);
    }
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      // Nothing else is said of a value of the wrong type (toProblems would drop it anyway).
      if (!types.some((type) => hasType(type, value))) {
        out.push(error('type', path, { type: types.join(',') }, `must be ${types.join(',')}`));
        return false;
      }
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => equal(allowed, value))) {
      out.push(error('enum', path, { allowedValues: schema.enum }, 'must be equal to one of the allowed values'));
    }
    for (const [keyword, size, fails, message] of BOUNDS) {
      const limit = schema[keyword];
      const measured = typeof limit === 'number' ? size(value) : undefined;
      if (measured !== undefined && fails(measured, limit as number)) out.push(error(keyword, path, { limit }, message(limit as number)));
    }
    if (typeof schema.multipleOf === 'number' && typeof value === 'number' && (value / schema.multipleOf) % 1 !== 0) {
      out.push(error('multipleOf', path, { multipleOf: schema.multipleOf }, `must be multiple of ${schema.multipleOf}`));
    }
    if (typeof schema.pattern === 'string' && typeof value === 'string' && regex(schema.pattern)?.test(value) === false) {
      out.push(error('pattern', path, { pattern: schema.pattern }, `must match pattern "${schema.pattern}"`));
    }
    const format = schema[FORMAT_KEYWORD];
    if (typeof format === 'string' && typeof value === 'string' && !matchesFormat(format, value)) {
      out.push(error('format', path, { format }, `must match format "${format}"`));
    }
    if (Array.isArray(value)) checkArray(schema, value, path, out, depth);
    else if (isPlainObject(value)) checkObject(schema, value, path, out, depth);
    checkBranches(schema, value, path, out, depth);
    return out.length === before;
  }

  function checkArray(schema: Node, value: unknown[], path: string, out: ErrorObject[], depth: number): void {
    if (schema.uniqueItems === true) {
      // Ajv's order: the later copy first ("items ## i and j are identical", i > j).
      outer: for (let i = value.length - 1; i > 0; i--) {
        for (let j = i - 1; j >= 0; j--) {
          if (equal(value[i], value[j])) {
            out.push(error('uniqueItems', path, { i, j }, `must NOT have duplicate items (items ## ${j} and ${i} are identical)`));
            break outer;
          }
        }
      }
    }
    const keys = schema[LIST_MAP_KEYS_KEYWORD];
    if (Array.isArray(keys)) {
      for (const { index, key } of duplicateListMapKeys(value, keys as ListMapKey[])) out.push(error('listMapKeys', pointer(path, index), { key }, 'must not repeat a list-map key'));
    }
    const items = schema.items as Node | undefined;
    if (isPlainObject(items)) value.forEach((item, index) => check(items, item, pointer(path, index), out, depth));
  }

  function checkObject(schema: Node, value: Record<string, unknown>, path: string, out: ErrorObject[], depth: number): void {
    for (const name of Array.isArray(schema.required) ? schema.required : []) {
      if (!Object.prototype.hasOwnProperty.call(value, name)) out.push(error('required', path, { missingProperty: name }, `must have required property '${name}'`));
    }
    const properties = isPlainObject(schema.properties) ? (schema.properties as Record<string, Node>) : {};
    const patternEntries = Object.entries(isPlainObject(schema.patternProperties) ? (schema.patternProperties as Record<string, Node>) : {});
    for (const [key, child] of Object.entries(value)) {
      const property = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
      if (property) check(property, child, pointer(path, key), out, depth);
      let matched = false;
      for (const [pattern, patternSchema] of patternEntries) {
        if (!regex(pattern)?.test(key)) continue;
        matched = true;
        check(patternSchema, child, pointer(path, key), out, depth);
      }
      if (property || matched) continue;
      const additional = schema.additionalProperties;
      if (additional === false) out.push(error('additionalProperties', path, { additionalProperty: key }, 'must NOT have additional properties'));
      else if (isPlainObject(additional)) check(additional as Node, child, pointer(path, key), out, depth);
    }
  }

  function checkBranches(schema: Node, value: unknown, path: string, out: ErrorObject[], depth: number): void {
    if (Array.isArray(schema.allOf)) for (const branch of schema.allOf as Node[]) check(branch, value, path, out, depth);
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const branches = schema[keyword] as Node[] | undefined;
      if (!Array.isArray(branches)) continue;
      const failures: ErrorObject[] = [];
      const passing: number[] = [];
      branches.forEach((branch, index) => {
        if (check(branch, value, path, failures, depth)) passing.push(index);
      });
      if (keyword === 'anyOf' ? passing.length > 0 : passing.length === 1) continue;
      if (passing.length === 0) out.push(...failures);
      out.push(
        keyword === 'anyOf'
          ? error('anyOf', path, {}, 'must match a schema in anyOf')
          : error('oneOf', path, { passingSchemas: passing.length ? passing : null }, 'must match exactly one schema in oneOf'),
      );
    }
    if (isPlainObject(schema.not) && check(schema.not as Node, value, path, [], depth)) out.push(error('not', path, {}, 'must NOT be valid'));
  }

  const rootSchema = (definitions[root] ?? {}) as Node;
  return (value) => {
    const errors: ErrorObject[] = [];
    check(rootSchema, value, '', errors, 0);
    return errors;
  };
}
