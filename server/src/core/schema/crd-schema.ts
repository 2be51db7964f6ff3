import type { JsonSchema } from './types';
import type { KindJsonSchema } from './kind-schema';
import { FORMAT_KEYWORD, LIST_MAP_KEYS_KEYWORD, type ListMapKey } from './crd-values';
import { isCheckedFormat } from './crd-formats';

/**
 * A CustomResourceDefinition's `openAPIV3Schema` as a strict JSON schema: what the API server accepts for a custom
 * resource under `kubectl apply` (strict field validation, kubectl's default), and no less.
 *
 * Sources (kubernetes/kubernetes, staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver):
 * - validation/validation.go ConvertJSONSchemaPropsWithPostProcess: `x-kubernetes-int-or-string` is the types
 *   integer and string, `nullable` adds null; StripUnsupportedFormatsPostProcess drops formats the server does not
 *   know. The formats crd-formats.ts checks as the server does are kept (as FORMAT_KEYWORD); the rest are dropped.
 * - schema/listtype/validation.go: the keys of an `x-kubernetes-list-type: map` list are unique (LIST_MAP_KEYS_KEYWORD,
 *   with the key fields' defaults, which defaulting fills in first).
 * - schema/pruning: fields the schema does not specify are pruned, and strict field validation reports a pruned
 *   field as `unknown field`; `x-kubernetes-preserve-unknown-fields` keeps them. So an object is closed
 *   (additionalProperties false) unless it preserves unknown fields or is a map (additionalProperties a schema).
 * - schema/defaulting/prunenulls.go PruneNonNullableNullsWithoutDefaults: a null in a field of an object (or a map
 *   value) is removed before validation, so an optional field may be null; a null list item is not removed.
 * - schema/objectmeta/validation.go: `apiVersion`, `kind` and `metadata` of the root and of every
 *   `x-kubernetes-embedded-resource` object are the API server's (ObjectMeta is validated as ObjectMeta, whatever
 *   the CRD says beyond metadata.name/generateName); an embedded resource requires apiVersion and kind.
 * Value validations inside allOf/anyOf/oneOf/not are kept as they are: nothing strict is added there.
 */

/** The built-in definition every custom resource's metadata is checked against (with what it references). */
export const OBJECT_META = 'meta.v1.ObjectMeta';

const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);
const NUMBER_KEYWORDS = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'minimum', 'maximum', 'multipleOf'] as const;
const BRANCH_KEYWORDS = ['allOf', 'anyOf', 'oneOf'] as const;

type Props = Record<string, unknown>;

function isObject(value: unknown): value is Props {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Go (RE2) pattern JavaScript reads the same way; one it cannot compile is left out (the check is missed, not wrong). */
function usablePattern(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string') return undefined;
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    return undefined;
  }
}

interface Place {
  /** Whether strictness is added (false inside allOf/anyOf/oneOf/not: value validations only). */
  structural: boolean;
  /** A field of an object or a map value: a null there is pruned, so it is accepted. */
  prunableNull: boolean;
}

/** A JSON schema node with the draft-07 keywords Ajv reads, built from one JSONSchemaProps node. */
type Built = JsonSchema & Props;

function convert(input: unknown, place: Place): Built {
  if (!isObject(input)) return {};
  const out: Built = {};
  if (typeof input.description === 'string') out.description = input.description;
  const preserve = input['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = input['x-kubernetes-embedded-resource'] === true;
  const intOrString = input['x-kubernetes-int-or-string'] === true;
  const nullable = input.nullable === true || place.prunableNull;
  const declared = typeof input.type === 'string' && TYPES.has(input.type) ? input.type : undefined;
  const types = intOrString ? ['integer', 'string'] : declared ? [declared] : undefined;
  if (types) out.type = nullable ? [...types, 'null'] : types.length === 1 ? types[0] : types;
  if (Array.isArray(input.enum)) out.enum = nullable && !input.enum.includes(null) ? [...input.enum, null] : [...input.enum];

  for (const keyword of NUMBER_KEYWORDS) if (typeof input[keyword] === 'number') out[keyword] = input[keyword];
  // OpenAPI 3.0's boolean exclusive bounds are draft-07's numeric ones.
  if (input.exclusiveMinimum === true && typeof input.minimum === 'number') {
    out.exclusiveMinimum = input.minimum;
    delete out.minimum;
  }
  if (input.exclusiveMaximum === true && typeof input.maximum === 'number') {
    out.exclusiveMaximum = input.maximum;
    delete out.maximum;
  }
  const pattern = usablePattern(input.pattern);
  if (pattern !== undefined) out.pattern = pattern;
  // listType set: every item once (the API server reports a duplicate); uniqueItems itself is not allowed in v1 CRDs.
  if (input.uniqueItems === true || input['x-kubernetes-list-type'] === 'set') out.uniqueItems = true;
  if (typeof input.format === 'string' && isCheckedFormat(input.format)) out[FORMAT_KEYWORD] = input.format;
  const listMapKeys = place.structural ? listMapKeysOf(input) : undefined;
  if (listMapKeys) out[LIST_MAP_KEYS_KEYWORD] = listMapKeys;
  if (Array.isArray(input.required)) out.required = input.required.filter((name): name is string => typeof name === 'string');

  const required = new Set(out.required ?? []);
  if (isObject(input.properties)) {
    const properties: Record<string, JsonSchema> = {};
    for (const [name, child] of Object.entries(input.properties)) {
      properties[name] = convert(child, { structural: place.structural, prunableNull: place.structural && !required.has(name) });
    }
    out.properties = properties;
  }
  if (isObject(input.additionalProperties)) out.additionalProperties = convert(input.additionalProperties, { structural: place.structural, prunableNull: place.structural });
  else if (typeof input.additionalProperties === 'boolean') out.additionalProperties = input.additionalProperties;
  if (isObject(input.items)) out.items = convert(input.items, { structural: place.structural, prunableNull: false });

  for (const keyword of BRANCH_KEYWORDS) {
    const branches = input[keyword];
    if (Array.isArray(branches)) out[keyword] = branches.map((branch) => convert(branch, { structural: false, prunableNull: false }));
  }
  if (isObject(input.not)) out.not = convert(input.not, { structural: false, prunableNull: false });

  if (place.structural && embedded) embedResource(out);
  const isObjectNode = declared === 'object' || out.properties !== undefined;
  if (place.structural && isObjectNode && !preserve && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** The key fields of a structural `x-kubernetes-list-type: map` list, each with its schema default (listtype/validation.go). */
function listMapKeysOf(input: Props): ListMapKey[] | undefined {
  const names = input['x-kubernetes-list-map-keys'];
  if (input['x-kubernetes-list-type'] !== 'map' || !Array.isArray(names)) return undefined;
  const fields = isObject(input.items) && isObject(input.items.properties) ? input.items.properties : {};
  const keys = names
    .filter((name): name is string => typeof name === 'string')
    .map((name) => {
      const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
      return isObject(field) && field.default !== undefined ? { name, default: field.default } : { name };
    });
  return keys.length ? keys : undefined;
}

/** apiVersion, kind and metadata as the API server reads them in a resource (the root or an embedded one). */
function embedResource(out: Built, keepApiVersionKind = false): void {
  const properties = (out.properties ??= {});
  const apiVersion = properties.apiVersion;
  const kind = properties.kind;
  properties.apiVersion = { type: 'string', ...(apiVersion?.description ? { description: apiVersion.description } : {}) };
  properties.kind = { type: 'string', ...(kind?.description ? { description: kind.description } : {}) };
  const written = properties.metadata;
  // Only name and generateName may carry the CRD's own constraints (structural schema rules); the rest is ObjectMeta.
  const own: Record<string, JsonSchema> = {};
  for (const name of ['name', 'generateName']) {
    const constraint = written?.properties?.[name];
    if (!constraint) continue;
    const { type: _type, ...rest } = constraint;
    own[name] = rest;
  }
  properties.metadata = {
    $ref: `#/definitions/${OBJECT_META}`,
    ...(written?.description ? { description: written.description } : {}),
    ...(Object.keys(own).length ? { allOf: [{ properties: own }] } : {}),
  } as JsonSchema;
  if (!keepApiVersionKind) out.required = [...new Set([...(out.required ?? []), 'apiVersion', 'kind'])];
}

/**
 * The strict schema of one CRD version: `kind` names the root definition (messages say `Unknown field "x" in
 * Widget.spec`), `builtIn` holds ObjectMeta and the definitions it references (SchemaRegistry.definitionClosure).
 */
export function strictCrdSchema(openAPIV3Schema: unknown, kind: string, builtIn: Readonly<Record<string, JsonSchema>>): KindJsonSchema {
  const root = convert(openAPIV3Schema, { structural: true, prunableNull: false });
  // The root is a resource: its apiVersion and kind are the document's own (looked up by them), so not required again.
  embedResource(root, true);
  root.type = 'object';
  if (root.additionalProperties === undefined && (openAPIV3Schema as Props | undefined)?.['x-kubernetes-preserve-unknown-fields'] !== true) root.additionalProperties = false;
  return { root: kind, definitions: { ...builtIn, [kind]: root } };
}
