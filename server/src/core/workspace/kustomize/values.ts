import type { YamlPath } from '../../parse/nodes';

/** The value at `path` under `value` (a rendered resource, a parsed patch), or undefined. */
export function valueAt(value: unknown, path: YamlPath): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Where in `path` a container list's index is (`[spec, template, spec, containers, 0, …]` → 3), or -1. */
export function containerListIndex(path: YamlPath): number {
  return path.findIndex((step, index) => typeof step === 'string' && CONTAINER_LISTS.has(step) && typeof path[index + 1] === 'number');
}

/** The item of a list named `name` (merge key `name`), if the value is such a list. */
export function namedItem(list: unknown, name: unknown): Record<string, unknown> | undefined {
  return Array.isArray(list) ? (list.find((item) => item !== null && typeof item === 'object' && (item as { name?: unknown }).name === name) as Record<string, unknown> | undefined) : undefined;
}

/** The `name`s of a list's items. */
export function itemNames(list: unknown): string[] {
  return Array.isArray(list) ? list.map((item) => (item as { name?: unknown } | null)?.name).filter((name): name is string => typeof name === 'string') : [];
}
