import type { YamlPath } from '../../parse/nodes';

/** Where a value of a rendered resource was written: a document of a file, and the path inside it. */
export interface Origin {
  file: string;
  /** Index of the `---` document in the file (0 for inline patches, counted inside the patch text). */
  doc: number;
  path: YamlPath;
  /** An inline patch, written in the kustomization `file`: the node of its entry there (`['patches', 2]`). */
  inline?: YamlPath;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/**
 * Origins of rendered values. Every map and list carries the place it was read from; a key whose value a patch
 * set carries the patch's place. A scalar is found through its parent.
 */
export class Origins {
  private readonly nodes = new WeakMap<object, Origin>();
  private readonly keys = new WeakMap<object, Map<string | number, Origin>>();

  /** Marks `value` and everything inside it as read from `origin`. */
  annotate(value: unknown, origin: Origin): void {
    if (!isContainer(value)) return;
    this.nodes.set(value, origin);
    if (Array.isArray(value)) value.forEach((item, index) => this.annotate(item, { ...origin, path: [...origin.path, index] }));
    else for (const [key, item] of Object.entries(value)) this.annotate(item, { ...origin, path: [...origin.path, key] });
  }

  of(value: object): Origin | undefined {
    return this.nodes.get(value);
  }

  set(value: object, origin: Origin | undefined): void {
    if (origin) this.nodes.set(value, origin);
  }

  keyOrigins(value: object): Map<string | number, Origin> | undefined {
    return this.keys.get(value);
  }

  setKey(value: object, key: string | number, origin: Origin): void {
    let map = this.keys.get(value);
    if (!map) this.keys.set(value, (map = new Map()));
    map.set(key, origin);
  }

  copyKeys(from: object, to: object): void {
    const map = this.keys.get(from);
    if (map) this.keys.set(to, new Map(map));
  }

  /** A deep copy of `value` whose maps and lists carry the origins of the ones they copy (for a change in place: a JSON patch). */
  copy<T>(value: T): T {
    if (!isContainer(value)) return value;
    const copy = (Array.isArray(value) ? value.map((item: unknown) => this.copy(item)) : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.copy(item)]))) as T & object;
    this.set(copy, this.of(value));
    this.copyKeys(value, copy);
    return copy;
  }

  /** Where the value at `path` under `root` was written: the deepest recorded place, plus the rest of the path. */
  locate(root: unknown, path: YamlPath): Origin | undefined {
    let best: { origin: Origin; rest: number } | undefined;
    let current: unknown = root;
    for (let index = 0; index <= path.length; index++) {
      if (!isContainer(current)) break;
      const own = this.nodes.get(current);
      if (own) best = { origin: own, rest: index };
      if (index === path.length) break;
      const step = path[index];
      const keyOrigin = this.keys.get(current)?.get(step);
      if (keyOrigin) best = { origin: keyOrigin, rest: index + 1 };
      current = Array.isArray(current) ? current[Number(step)] : (current as Record<string, unknown>)[String(step)];
    }
    return best && { ...best.origin, path: [...best.origin.path, ...path.slice(best.rest)] };
  }
}
