import { parse } from 'yaml';

/**
 * Values written into flow collections (`{…}`, `[…]`) and JSON: fixes build their values as block fragments (one
 * text for every style); inside a flow collection a block line would break the file ("nested mappings are not
 * allowed in compact mappings"), so the fragment is read back and written in the collection's own style.
 */
export type FlowStyle = 'json' | 'yaml';

/** The value a block fragment (relative indentation 0) stands for, or undefined when it is no YAML. */
export function fragmentValue(fragment: readonly string[]): unknown {
  try {
    return parse(fragment.join('\n'));
  } catch {
    return undefined;
  }
}

/** `key: value` entries of a fragment that is a map, in flow style, or undefined. */
export function flowEntries(fragment: readonly string[], style: FlowStyle): string[] | undefined {
  const value = fragmentValue(fragment);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.entries(value as Record<string, unknown>).map(([key, item]) => `${flowScalar(key, style)}: ${flowValue(item, style)}`);
}

/** One value on one line: `{a: 1, b: [x]}` (YAML) or `{"a": 1, "b": ["x"]}` (JSON). */
export function flowValue(value: unknown, style: FlowStyle): string {
  if (Array.isArray(value)) return `[${value.map((item) => flowValue(item, style)).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([key, item]) => `${flowScalar(key, style)}: ${flowValue(item, style)}`).join(', ')}}`;
  }
  return flowScalar(value, style);
}

/** Plain where YAML reads it back as the same string inside a flow collection, else double-quoted (as JSON). */
function flowScalar(value: unknown, style: FlowStyle): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  const text = String(value);
  const plain = /^[A-Za-z_./<][\w./<>@+-]*(?::[\w./<>@+-]+)*$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(text);
  return style === 'yaml' && plain ? text : JSON.stringify(text);
}
