/**
 * Two checks the API server makes on a custom resource beyond the JSON schema keywords, written by crd-schema.ts as
 * keywords of their own and read by the walker (interpret.ts). Both follow the API server's code, and where that
 * code is not reproduced exactly the check reports less, never more: a false error costs more than a missed one.
 *
 * **Formats**: crd-formats.ts (the table of the formats the API server checks, and how). crd-schema.ts writes a checked
 * format as FORMAT_KEYWORD.
 *
 * **List-map keys** (apiextensions-apiserver pkg/apiserver/schema/listtype/validation.go validateListMap): in a list
 * with `x-kubernetes-list-type: map`, two items with the same values of the `x-kubernetes-list-map-keys` fields are
 * rejected, `Duplicate value` at the later item (the second appearance of each key only). A key field the item
 * leaves out takes its schema default first (defaulting runs before validation), else counts as unspecified.
 */

/** The keyword crd-schema.ts writes for a checked format (the name as the CRD writes it). */
export const FORMAT_KEYWORD = 'x-sidecar-format';
/** The keyword for a list-map's key fields: `[{ name, default? }]`. */
export const LIST_MAP_KEYS_KEYWORD = 'x-sidecar-list-map-keys';

export interface ListMapKey {
  name: string;
  default?: unknown;
}

/** The key of an item as Go's json.Marshal writes a map (keys sorted), for comparing items. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * The indexes of the items whose key appeared before (the second appearance of each key only, as validateListSet),
 * each with its key fields as the API server prints them. Items that are not objects are left to the type check.
 */
export function duplicateListMapKeys(items: readonly unknown[], keys: readonly ListMapKey[]): { index: number; key: Record<string, unknown> }[] {
  if (keys.length === 0 || items.length <= 1 || items.some((item) => item !== null && (typeof item !== 'object' || Array.isArray(item)))) return [];
  const seen = new Map<string, number>();
  const found: { index: number; key: Record<string, unknown> }[] = [];
  items.forEach((item, index) => {
    // A null item has no key (and gets no defaults): it counts as unspecified, as in validateListMap.
    const key: Record<string, unknown> = {};
    for (const { name, default: fallback } of item === null ? [] : keys) {
      const written = Object.hasOwn(item as object, name) ? (item as Record<string, unknown>)[name] : fallback;
      if (written !== undefined) key[name] = written;
    }
    const id = canonical(key);
    const times = seen.get(id) ?? 0;
    seen.set(id, times + 1);
    if (times === 1) found.push({ index, key });
  });
  return found;
}

/** A key as Go's %#v prints a map[string]interface{}: `map[string]interface {}{"name":"web", "port":80}`. */
export function goMapText(key: Record<string, unknown>): string {
  const entries = Object.entries(key).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[string]interface {}{${entries.map(([k, v]) => `${JSON.stringify(k)}:${typeof v === 'string' ? JSON.stringify(v) : canonical(v)}`).join(', ')}}`;
}
