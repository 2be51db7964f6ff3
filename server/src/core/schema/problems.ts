import type { ErrorObject } from 'ajv';
import { type SchemaWalker } from './schema-walker';
import { closest as suggest } from '../text/closest';
import type { SchemaPath, SchemaProblem } from './types';
import { goMapText } from './crd-values';
import { formatRow } from './crd-formats';

const TYPE_PHRASES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  object: 'an object',
  array: 'a list',
};

/** Key patterns of name maps, in words. */
const NAME_PATTERNS: Record<string, string> = {
  '^[a-zA-Z0-9._-]+$': 'a name may use only letters, digits, ".", "_" and "-"',
};

function typePhrase(types: string[]): string {
  const wanted = types.filter((t) => t !== 'null');
  // "integer or number" reads badly; number already covers integers
  const reduced = wanted.includes('number') ? wanted.filter((t) => t !== 'integer') : wanted;
  const phrases = [...new Set(reduced)].map((t) => TYPE_PHRASES[t] ?? t);
  if (phrases.length <= 1) return phrases[0] ?? 'a value';
  return `${phrases.slice(0, -1).join(', ')} or ${phrases[phrases.length - 1]}`;
}

function quote(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return JSON.stringify(shown);
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${quote(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `the boolean ${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? quote(value) : JSON.stringify(value) ?? String(value);
}

/** "containerPort", "args[2]", or "The document" for the root. */
/** The path as the API server writes it: `spec.ports[1].name`. */
function apiPath(path: SchemaPath): string {
  return path.reduce<string>((text, step) => (typeof step === 'number' ? `${text}[${step}]` : text ? `${text}.${step}` : step), '');
}

function fieldLabel(path: SchemaPath): string {
  if (path.length === 0) return 'The document';
  const last = path[path.length - 1];
  if (typeof last === 'string') return last;
  let i = path.length - 1;
  let suffix = '';
  while (i >= 0 && typeof path[i] === 'number') {
    suffix = `[${path[i]}]${suffix}`;
    i--;
  }
  return i >= 0 ? `${path[i]}${suffix}` : `Item ${suffix}`;
}

function decodePointer(pointer: string, root: unknown): SchemaPath {
  if (pointer === '') return [];
  const path: SchemaPath = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = current && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

function valueAt(root: unknown, path: SchemaPath): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function pathKey(path: SchemaPath): string {
  return JSON.stringify(path);
}

function isStrictPrefix(prefix: SchemaPath, path: SchemaPath): boolean {
  return prefix.length < path.length && prefix.every((segment, i) => path[i] === segment);
}

/** Errors that are alternatives of one anyOf/oneOf at the same value are reported as one type mismatch. */
interface Draft {
  path: SchemaPath;
  keyword: string;
  types?: string[];
  error: ErrorObject;
}

/**
 * Turns ajv's raw error list into one problem per mistake: a wrong-typed value hides everything
 * reported under it, anyOf branches collapse into one "must be X or Y", and a misspelled required
 * field is reported once (as the unknown key with its suggestion) rather than also as missing.
 */
export function toProblems(errors: readonly ErrorObject[], value: unknown, walker: SchemaWalker, definition: string): SchemaProblem[] {
  const drafts: Draft[] = [];
  const typeAt = new Map<string, Draft>();
  for (const error of withoutUnchosenAlternatives(errors)) {
    const path = decodePointer(error.instancePath, value);
    if (error.keyword === 'type') {
      const raw = (error.params as { type: string | string[] }).type;
      const types = Array.isArray(raw) ? raw : raw.split(',');
      const key = pathKey(path);
      const existing = typeAt.get(key);
      if (existing) {
        existing.types = [...new Set([...(existing.types ?? []), ...types])];
        continue;
      }
      const draft: Draft = { path, keyword: 'type', types, error };
      typeAt.set(key, draft);
      drafts.push(draft);
      continue;
    }
    drafts.push({ path, keyword: error.keyword, error });
  }

  const typePaths = [...typeAt.values()].map((d) => d.path);
  const kept = drafts.filter((draft) => {
    // a value of the wrong type makes every other complaint about it (enum, anyOf, its children) noise
    if (typePaths.some((p) => isStrictPrefix(p, draft.path))) return false;
    if (draft.keyword !== 'type' && typeAt.has(pathKey(draft.path))) return false;
    return draft.keyword !== 'anyOf' && draft.keyword !== 'oneOf' && draft.keyword !== 'if';
  });

  const problems: SchemaProblem[] = [];
  for (const draft of kept) {
    const problem = toProblem(draft, value, walker, definition);
    if (problem) problems.push(problem);
  }

  // misspelled required field: keep the unknown-field problem (it names the right key)
  const suggested = new Set(
    problems.filter((p) => p.code === 'unknown-field' && p.data?.suggestion).map((p) => `${pathKey(p.path.slice(0, -1))}|${p.data?.suggestion}`),
  );
  const seen = new Set<string>();
  const order = new Map(problems.map((p) => [p, documentOrder(value, p.path)] as const));
  return problems
    .sort((a, b) => compareOrder(order.get(a) ?? [], order.get(b) ?? []))
    .filter((p) => !(p.code === 'missing-required-field' && suggested.has(`${pathKey(p.path)}|${p.data?.field}`)))
    .filter((p) => {
      const key = `${p.code}|${pathKey(p.path)}|${p.target}|${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * A oneOf/anyOf that fails reports every alternative. When the value has the type of one alternative (a port
 * written as an object) and that alternative has its own complaint (an unknown key), the other alternatives'
 * "must be a number / a string" are noise; when no alternative has the value's type, only their type errors
 * remain and read as one "must be a number, a string or an object".
 */
function withoutUnchosenAlternatives(errors: readonly ErrorObject[]): readonly ErrorObject[] {
  const alternatives = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  if (alternatives.size === 0) return errors;
  const chosen = new Set<string>();
  for (const at of alternatives) {
    const inside = errors.some(
      (e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.instancePath === at) && (e.instancePath === at || e.instancePath.startsWith(`${at}/`)),
    );
    if (inside) chosen.add(at);
  }
  return errors.filter((e) => !(e.keyword === 'type' && chosen.has(e.instancePath)));
}

/** Position of each path segment among its siblings, so problems come out in the order a person reads them. */
function documentOrder(root: unknown, path: SchemaPath): number[] {
  const order: number[] = [];
  let current = root;
  for (const segment of path) {
    if (Array.isArray(current)) {
      order.push(typeof segment === 'number' ? segment : Number.MAX_SAFE_INTEGER);
    } else if (current !== null && typeof current === 'object') {
      const index = Object.keys(current).indexOf(String(segment));
      order.push(index < 0 ? Number.MAX_SAFE_INTEGER : index);
    } else {
      order.push(Number.MAX_SAFE_INTEGER);
    }
    current = current !== null && typeof current === 'object' ? (current as Record<string | number, unknown>)[segment] : undefined;
  }
  return order;
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function toProblem(draft: Draft, root: unknown, walker: SchemaWalker, definition: string): SchemaProblem | undefined {
  const { error, path } = draft;
  switch (draft.keyword) {
    case 'additionalProperties': {
      const field = (error.params as { additionalProperty: string }).additionalProperty;
      const node = walker.walk(definition, path);
      const namePattern = Object.keys(node?.schema.patternProperties ?? {}).find((p) => p !== '^x-');
      if (namePattern && !node?.schema.properties) {
        // a map of names (Compose services, volumes, networks): the key is a name the pattern refuses
        return {
          path: [...path, field],
          target: 'key',
          code: 'invalid-value',
          message: `Invalid name ${quote(field)} in ${fieldLabel(path)}: ${NAME_PATTERNS[namePattern] ?? `a name must match ${namePattern}`}.`,
          data: { field },
        };
      }
      const allowed = Object.keys(node?.schema.properties ?? {});
      const typeName = walker.typeNameAt(definition, path) ?? 'this object';
      const suggestion = suggest(field, allowed);
      return {
        path: [...path, field],
        target: 'key',
        code: 'unknown-field',
        message: `Unknown field "${field}" in ${typeName}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        data: suggestion ? { field, suggestion } : { field },
      };
    }
    case 'required': {
      const field = (error.params as { missingProperty: string }).missingProperty;
      const typeName = walker.typeNameAt(definition, path) ?? 'this object';
      return {
        path,
        target: 'key',
        code: 'missing-required-field',
        message: `Missing required field "${field}" in ${typeName}.`,
        data: { field },
      };
    }
    case 'type': {
      const actual = valueAt(root, path);
      return {
        path,
        target: 'value',
        code: 'invalid-type',
        message: `${fieldLabel(path)} must be ${typePhrase(draft.types ?? [])}, got ${describeValue(actual)}`,
      };
    }
    case 'enum': {
      const actual = valueAt(root, path);
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).filter((v) => v !== null && v !== '').map(String);
      const suggestion = typeof actual === 'string' ? allowed.find((a) => a.toLowerCase() === actual.toLowerCase()) : undefined;
      const shown = allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')}, ... (${allowed.length} in all)` : allowed.join(', ');
      return {
        path,
        target: 'value',
        code: 'invalid-enum',
        message: `Invalid value ${formatValue(actual)} for ${fieldLabel(path)}. Allowed values: ${shown}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        data: suggestion ? { allowed, suggestion } : { allowed },
      };
    }
    case 'format': {
      // kube-openapi errors.InvalidType: `<path> in body must be of type <format>: "<value>"`.
      const actual = valueAt(root, path);
      const format = (error.params as { format: string }).format;
      const since = formatRow(format)?.sinceMinor;
      return {
        path,
        target: 'value',
        code: 'invalid-value',
        message: `${apiPath(path)} in body must be of type ${format}: ${JSON.stringify(actual)}`,
        ...(since === undefined ? {} : { sinceMinor: since }),
      };
    }
    case 'listMapKeys': {
      // listtype/validation.go: field.Duplicate at the later item, its key fields printed with %#v.
      const key = (error.params as { key: Record<string, unknown> }).key;
      const first = Object.keys(key)[0];
      const item = valueAt(root, path);
      const onKey = first !== undefined && !!item && typeof item === 'object' && Object.hasOwn(item, first);
      return {
        path: onKey ? [...path, first] : path,
        target: 'value',
        code: 'invalid-value',
        message: `${apiPath(path)}: Duplicate value: ${goMapText(key)}: the list is a map keyed by ${Object.keys(key).join(', ') || 'its key fields'}, so each key may appear once.`,
      };
    }
    case 'uniqueItems': {
      // ajv names the later copy first: "items ## 2 and 0 are identical"
      const { i, j } = error.params as { i: number; j: number };
      const later = Math.max(i, j);
      return {
        path: [...path, later],
        target: 'value',
        code: 'invalid-value',
        message: `${fieldLabel(path)} lists the same item twice (items ${Math.min(i, j) + 1} and ${later + 1}).`,
      };
    }
    default:
      return {
        path,
        target: 'value',
        code: 'invalid-value',
        message: `${fieldLabel(path)} ${error.message ?? 'is invalid'}`,
      };
  }
}
