import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

export type YamlPath = (string | number)[];
export type AnyNode = Node;
export type MapNode = YAMLMap<unknown, unknown>;
export type SeqNode = YAMLSeq<unknown>;
export type PairNode = Pair<unknown, unknown>;
/** A value as written in the user's text: a scalar, or an alias (`*name`) standing for one. */
export type ValueNode = Scalar | Alias;

/** [start, end) offsets of a span inside one document chunk. */
export interface Span {
  start: number;
  end: number;
}

/** What each alias of a parsed document stands for; filled by resolveAliases when the document is parsed. */
const aliasTargets = new WeakMap<Alias, Node>();

/**
 * Records, for every alias (`*name`) of a parsed document, the node it stands for: the nearest `&name` anchor
 * before it, as YAML (and so kubectl) reads it. Only an anchor whose node ends before the alias counts, so an
 * alias inside its own anchor (a cycle) resolves to nothing rather than sending walkers round forever.
 * Returns how many aliases there are and those used before any anchor of their name: YAML cannot read those
 * (kubectl: "unknown anchor").
 */
export function resolveAliases(document: Document.Parsed, text: string): { count: number; unresolved: Alias[]; anchored: Node[] } {
  // Most manifests have no alias at all, and skip the walk.
  const unresolved: Alias[] = [];
  const anchored: Node[] = [];
  let count = 0;
  if (!text.includes('*')) return { count, unresolved, anchored };
  const anchors = new Map<string, Node>();
  visit(document, (_key, node) => {
    if (isAlias(node)) {
      count++;
      const target = anchors.get(node.source);
      if (!target) unresolved.push(node);
      const end = target?.range?.[1];
      if (target && end !== undefined && node.range && end <= node.range[0]) aliasTargets.set(node, target);
    } else if ((isMap(node) || isSeq(node) || isScalar(node)) && node.anchor) {
      anchors.set(node.anchor, node);
      anchored.push(node);
    }
  });
  return { count, unresolved, anchored };
}

/**
 * Links each alias under `node` to the anchored node it stands for, the last of `anchored` (nodes before `node`, in
 * document order) with its name, as resolveAliases does for a whole document: for an entry that
 * parse/incremental.ts parsed alone. Returns the aliases' names in document order, or undefined when one has no
 * anchor (a full parse reports that).
 */
export function linkAliases(node: unknown, anchored: readonly Node[]): string[] | undefined {
  const names: string[] = [];
  let unresolved = false;
  visit(node as Node, (_key, item) => {
    if (!isAlias(item)) return;
    names.push(item.source);
    let target: Node | undefined;
    for (let i = anchored.length - 1; i >= 0 && !target; i--) if ((anchored[i] as { anchor?: string }).anchor === item.source) target = anchored[i];
    if (target) aliasTargets.set(item, target);
    else unresolved = true;
  });
  return unresolved ? undefined : names;
}

/** The node itself, or for an alias the anchored node it stands for (undefined when that is unknown). */
export function deref(node: unknown): unknown {
  return isAlias(node) ? aliasTargets.get(node) : node;
}

/** Aliases resolve: `volumes: *shared` is the anchored sequence, as kubectl sees it. */
export function asMap(node: unknown): MapNode | undefined {
  const value = deref(node);
  return isMap(value) ? (value as MapNode) : undefined;
}

export function asSeq(node: unknown): SeqNode | undefined {
  const value = deref(node);
  return isSeq(value) ? (value as SeqNode) : undefined;
}

export function asScalar(node: unknown): Scalar | undefined {
  const value = deref(node);
  return isScalar(value) ? value : undefined;
}

/**
 * A scalar value as written where it is used: the scalar, or the alias in its place (whose range is the one
 * the user sees at that spot). Read its value with scalarText.
 */
export function valueNode(node: unknown): ValueNode | undefined {
  return isScalar(node) || isAlias(node) ? node : undefined;
}

/** The scalar's value as a string (numbers and booleans too; an alias's anchored value), or undefined when it is not a scalar. */
export function scalarText(node: unknown): string | undefined {
  node = deref(node);
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return undefined;
  return typeof v === 'string' ? v : String(v);
}

export function keyText(pair: PairNode): string | undefined {
  return scalarText(pair.key);
}

export function getPair(map: MapNode | undefined, key: string): PairNode | undefined {
  if (!map) return undefined;
  for (const item of map.items) {
    if (keyText(item) === key) return item;
  }
  return undefined;
}

export function getNode(map: MapNode | undefined, key: string): Node | undefined {
  const value = getPair(map, key)?.value;
  return isNodeLike(value) ? value : undefined;
}

export function getMap(map: MapNode | undefined, key: string): MapNode | undefined {
  return asMap(getPair(map, key)?.value);
}

export function getSeq(map: MapNode | undefined, key: string): SeqNode | undefined {
  return asSeq(getPair(map, key)?.value);
}

export function getString(map: MapNode | undefined, key: string): string | undefined {
  return scalarText(getPair(map, key)?.value);
}

function isNodeLike(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value) || (typeof value === 'object' && value !== null && 'range' in value);
}

export function nodeSpan(node: unknown): Span | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const range = (node as { range?: [number, number, number] | null }).range;
  if (!range) return undefined;
  return { start: range[0], end: range[1] };
}

/** Span of a pair's key (the thing to underline for "unknown field"). */
export function keySpan(pair: PairNode): Span | undefined {
  return nodeSpan(pair.key);
}

/** Span of a pair's value, falling back to the key for `key:` with no value. */
export function valueSpan(pair: PairNode): Span | undefined {
  return nodeSpan(pair.value) ?? keySpan(pair);
}

/** Span from the start of the key to the end of the value. */
export function pairSpan(pair: PairNode): Span | undefined {
  const key = keySpan(pair);
  const value = nodeSpan(pair.value);
  if (!key) return value;
  return { start: key.start, end: value && value.end > key.end ? value.end : key.end };
}

/**
 * Walks `path` from `root`. Returns the node found and, when the last step was a map key, the pair that holds it,
 * so callers can underline the key or the value.
 */
export function resolvePath(root: unknown, path: YamlPath): { node: unknown; pair?: PairNode; parent?: unknown } | undefined {
  let current: unknown = root;
  let pair: PairNode | undefined;
  let parent: unknown;
  for (const step of path) {
    parent = current;
    if (typeof step === 'number') {
      const seq = asSeq(current);
      if (!seq || step >= seq.items.length) return undefined;
      current = seq.items[step];
      pair = undefined;
    } else {
      const map = asMap(current);
      const found = getPair(map, step);
      if (!found) return undefined;
      pair = found;
      current = found.value;
    }
  }
  return { node: current, pair, parent };
}

/**
 * The chain of nodes that contain `offset`, outermost first: each entry gives the path step that led to it, so
 * completion and hover know where the cursor is. Positions on a key report the key's pair.
 */
export interface PathEntry {
  node: unknown;
  path: YamlPath;
  pair?: PairNode;
  onKey?: boolean;
}

export function pathAt(root: unknown, offset: number): PathEntry[] {
  const chain: PathEntry[] = [];
  let current: unknown = root;
  let path: YamlPath = [];
  chain.push({ node: root, path });
  for (;;) {
    const map = asMap(current);
    if (map) {
      const hit = map.items.find((p) => {
        const span = pairSpan(p);
        return span && offset >= span.start && offset <= span.end;
      });
      if (!hit) return chain;
      const key = keyText(hit);
      if (key === undefined) return chain;
      path = [...path, key];
      const keyRange = keySpan(hit);
      const onKey = !!keyRange && offset >= keyRange.start && offset <= keyRange.end;
      chain.push({ node: hit.value, path, pair: hit, onKey });
      if (onKey) return chain;
      current = hit.value;
      continue;
    }
    const seq = asSeq(current);
    if (seq) {
      const index = seq.items.findIndex((item) => {
        const span = nodeSpan(item);
        return span && offset >= span.start && offset <= span.end;
      });
      if (index < 0) return chain;
      path = [...path, index];
      current = seq.items[index];
      chain.push({ node: current, path });
      continue;
    }
    if (isPair(current)) return chain;
    return chain;
  }
}
