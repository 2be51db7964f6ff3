import { parseDocument } from 'yaml';

/** `target:` of a patch: which resources it applies to (kustomize api/types/selector.go). */
export interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** One patch entry, from `patches`, `patchesStrategicMerge` or `patchesJson6902`. */
export interface PatchEntry {
  /** A file next to the kustomization (relative path as written). */
  path?: string;
  /** An inline patch (YAML or JSON text). */
  patch?: string;
  target?: PatchTarget;
  /** The target's node and its fields' keys as written (`['patches', 0, 'target']`; keys may differ in case: fieldKey). */
  targetNode?: { path: [string, number, string]; keys: Partial<Record<keyof PatchTarget, string>> };
  /** Where it was listed (for messages). */
  field: 'patches' | 'patchesStrategicMerge' | 'patchesJson6902';
  /** Its node in the kustomization file (`['patches', 0]`). */
  node: [string, number];
}

export interface ImageEntry {
  name: string;
  /** Its node in the kustomization file (`['images', 0]`, with the key as written). */
  node: [string, number];
  newName?: string;
  newTag?: string;
  digest?: string;
}

export interface LabelEntry {
  pairs: Record<string, string>;
  includeSelectors: boolean;
  includeTemplates: boolean;
}

/** A kustomization file as data: the fields this product follows, as kustomize reads them (api/types/kustomization.go). */
export interface Kustomization {
  kind: 'Kustomization' | 'Component';
  resources: string[];
  components: string[];
  patches: PatchEntry[];
  images: ImageEntry[];
  namePrefix?: string;
  nameSuffix?: string;
  namespace?: string;
  labels: LabelEntry[];
  replicas: { name: string; count: number }[];
  /** Fields this product does not render (generators, helm charts...), by their key in the file, for one "not resolved here" note. */
  unresolvedFields: string[];
}

/** Fields kustomize has that we do not render; their output is not part of the merged pods. */
const UNRESOLVED_FIELDS = ['configMapGenerator', 'secretGenerator', 'generators', 'transformers', 'validators', 'helmCharts', 'helmChartInflationGenerator', 'replacements', 'vars', 'openapi', 'crds'] as const;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * The key of `map` that kustomize reads as field `name`: it decodes with Go's encoding/json, which matches field
 * names case-insensitively (`patchesJSON6902`, `NAMEPREFIX`, `TARGET: {KIND: …}` all work). Checked with
 * `kubectl kustomize` (v5.5.0): an exact key wins over a folded one in either order; of two folded ones, the first.
 */
export function fieldKey(map: Record<string, unknown>, name: string): string | undefined {
  if (Object.hasOwn(map, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(map).find((key) => key.toLowerCase() === lower);
}

/** `map` with the fields kustomize reads under their own names (see fieldKey). */
function folded(map: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name of names) {
    const key = fieldKey(map, name);
    if (key !== undefined) result[name] = map[key];
  }
  return result;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

const TARGET_FIELDS = ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'] as const;

function target(value: unknown): { target: PatchTarget; keys: Partial<Record<keyof PatchTarget, string>> } | undefined {
  const found = record(value);
  if (!found) return undefined;
  const result: PatchTarget = {};
  const keys: Partial<Record<keyof PatchTarget, string>> = {};
  for (const field of TARGET_FIELDS) {
    const key = fieldKey(found, field);
    const item = key === undefined ? undefined : text(found[key]);
    if (key === undefined || item === undefined) continue;
    result[field] = item;
    keys[field] = key;
  }
  return { target: result, keys };
}

function stringMap(value: unknown): Record<string, string> {
  const map = record(value) ?? {};
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(map)) {
    const itemText = text(item);
    if (itemText !== undefined) result[key] = itemText;
  }
  return result;
}

/** The fields the render reads (their keys in the file may differ in case: fieldKey). */
const ROOT_FIELDS = ['kind', 'resources', 'bases', 'components', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'images', 'namePrefix', 'nameSuffix', 'namespace', 'commonLabels', 'labels', 'replicas', ...UNRESOLVED_FIELDS] as const;

/** Reads a kustomization file's text; undefined when it is not YAML or not a map. */
export function parseKustomization(source: string): Kustomization | undefined {
  const document = parseDocument(source, { logLevel: 'silent' });
  if (document.errors.length > 0) return undefined;
  const written = record(document.toJS({ maxAliasCount: 1000 }));
  if (!written) return undefined;
  const root = folded(written, ROOT_FIELDS);
  /** The list under `field`, with its key as written (for nodes in the file). */
  const list = (field: (typeof ROOT_FIELDS)[number]): { key: string; items: unknown[] } => ({ key: fieldKey(written, field) ?? field, items: Array.isArray(root[field]) ? (root[field] as unknown[]) : [] });
  const entry = (item: unknown) => {
    const found = record(item);
    return found ? { map: folded(found, ['path', 'patch', 'target']), targetKey: fieldKey(found, 'target') ?? 'target' } : undefined;
  };
  const patches: PatchEntry[] = [];
  for (const field of ['patches', 'patchesStrategicMerge', 'patchesJson6902'] as const) {
    const { key, items } = list(field);
    items.forEach((item, index) => {
      const node: [string, number] = [key, index];
      // A patchesStrategicMerge entry is a path, or an inline patch (a string holding YAML with a newline).
      if (field === 'patchesStrategicMerge') {
        if (typeof item === 'string') patches.push(item.includes('\n') ? { patch: item, field, node } : { path: item, field, node });
        return;
      }
      const read = entry(item);
      if (!read) return;
      const { map, targetKey } = read;
      const selector = target(map.target);
      patches.push({ path: text(map.path), patch: text(map.patch), target: selector?.target, ...(selector ? { targetNode: { path: [key, index, targetKey], keys: selector.keys } } : {}), field, node });
    });
  }
  const images: ImageEntry[] = [];
  const imageList = list('images');
  imageList.items.forEach((item, index) => {
    const found = record(item);
    const map = found && folded(found, ['name', 'newName', 'newTag', 'digest']);
    const name = text(map?.name);
    if (map && name) images.push({ name, newName: text(map.newName), newTag: text(map.newTag), digest: text(map.digest), node: [imageList.key, index] });
  });
  const labels: LabelEntry[] = [];
  // commonLabels: into metadata, selectors and templates (kustomize's commonLabels field spec).
  if (record(root.commonLabels)) labels.push({ pairs: stringMap(root.commonLabels), includeSelectors: true, includeTemplates: true });
  for (const item of list('labels').items) {
    const found = record(item);
    if (!found) continue;
    const map = folded(found, ['pairs', 'includeSelectors', 'includeTemplates']);
    const includeSelectors = map.includeSelectors === true;
    labels.push({ pairs: stringMap(map.pairs), includeSelectors, includeTemplates: includeSelectors || map.includeTemplates === true });
  }
  const replicas: { name: string; count: number }[] = [];
  for (const item of list('replicas').items) {
    const found = record(item);
    const map = found && folded(found, ['name', 'count']);
    const name = text(map?.name);
    if (map && name && typeof map.count === 'number') replicas.push({ name, count: map.count });
  }
  return {
    kind: root.kind === 'Component' ? 'Component' : 'Kustomization',
    resources: [...strings(root.resources), ...strings(root.bases)],
    components: strings(root.components),
    patches,
    images,
    namePrefix: text(root.namePrefix),
    nameSuffix: text(root.nameSuffix),
    namespace: text(root.namespace),
    labels,
    replicas,
    unresolvedFields: UNRESOLVED_FIELDS.flatMap((field) => fieldKey(written, field) ?? []),
  };
}
