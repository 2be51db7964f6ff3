/**
 * `table[key]` only when the table itself holds the key. A manifest, a config file or a client names the key, and
 * `constructor`, `__proto__`, `toString` or `valueOf` would otherwise find Object.prototype's members (`kind:
 * constructor` once made validation throw for the whole file).
 */
export function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
