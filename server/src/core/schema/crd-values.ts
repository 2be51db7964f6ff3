/**
 * Two checks the API server makes on a custom resource beyond the JSON schema keywords, written by crd-schema.ts as
 * keywords of their own and read by the walker (interpret.ts). Both follow the API server's code, and where that
 * code is not reproduced exactly the check reports less, never more: a false error costs more than a missed one.
 *
 * **Formats** (kube-openapi pkg/validation/validate/formats.go: only string values, only formats the registry
 * knows). apiextensions-apiserver pkg/apiserver/validation/formats.go lists the formats a CRD may use (with `-`
 * removed: `date-time` is `datetime`) and blanks every other one, so `int32`, `int64`, `float`, `double` are never
 * checked by the API server and are not checked here. Of the listed ones these are checked:
 * - `date`: Go's `time.Parse("2006-01-02")`: four-digit year, two-digit month 01-12, two-digit day within the
 *   month (kube-openapi strfmt/date.go IsDate);
 * - `datetime`: strfmt/time.go IsDateTime: lower-cased and split at every `t`, the first part a `date`, the second
 *   `HH:MM:SS`, an optional fraction and `z` or `±HH:MM`, hours <= 23, minutes and seconds <= 59;
 * - `uuid`, `uuid3`, `uuid4`, `uuid5`: strfmt/default.go's patterns (upper case allowed, dashes optional);
 * - `byte` (base64, govalidator.IsBase64): only what no base64 text can be: a length that is not a multiple of 4,
 *   a character outside `A-Z a-z 0-9 + / =`, or `=` anywhere but in the last two places.
 * An empty string is not checked.
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

const UUID: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i,
  uuid3: /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i,
  uuid4: /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i,
  uuid5: /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i,
};

function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** strfmt DateTimePattern; its `.` before the fraction is any character, as in Go. */
const TIME = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/;

function isDateTime(text: string): boolean {
  if (text.length < 4) return false;
  const parts = text.toLowerCase().split('t');
  if (parts.length < 2 || !isDate(parts[0])) return false;
  const match = TIME.exec(parts[1]);
  return !!match && match[1] <= '23' && match[2] <= '59' && match[3] <= '59';
}

function cannotBeBase64(text: string): boolean {
  return text.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(text) || /=[^=]|={3,}/.test(text);
}

const CHECKS: Readonly<Record<string, (text: string) => boolean>> = {
  date: isDate,
  datetime: isDateTime,
  byte: (text) => !cannotBeBase64(text),
  ...Object.fromEntries(Object.entries(UUID).map(([name, pattern]) => [name, (text: string) => pattern.test(text)])),
};

/** Whether the API server checks this format and so do we (`date-time` and `datetime` alike). */
export function isCheckedFormat(format: string): boolean {
  return Object.hasOwn(CHECKS, format.replace(/-/g, ''));
}

/** False when the API server rejects the string for the format. */
export function matchesFormat(format: string, value: string): boolean {
  const check = CHECKS[format.replace(/-/g, '')];
  return value === '' || !check || check(value);
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
