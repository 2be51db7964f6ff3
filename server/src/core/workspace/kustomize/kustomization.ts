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
  /** Where it was listed (for messages). */
  field: 'patches' | 'patchesStrategicMerge' | 'patchesJson6902';
  /** Its node in the kustomization file (`['patches', 0]`). */
  node: [string, number];
}

export interface ImageEntry {
  name: string;
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
  /** Fields this product does not render (generators, helm charts...), by name, for one "not resolved here" note. */
  unresolvedFields: string[];
}

/** Fields kustomize has that we do not render; their output is not part of the merged pods. */
const UNRESOLVED_FIELDS = ['configMapGenerator', 'secretGenerator', 'generators', 'transformers', 'validators', 'helmCharts', 'helmChartInflationGenerator', 'replacements', 'vars', 'openapi', 'crds'];

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function target(value: unknown): PatchTarget | undefined {
  const map = record(value);
  if (!map) return undefined;
  const result: PatchTarget = {};
  for (const key of ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'] as const) {
    const item = text(map[key]);
    if (item !== undefined) result[key] = item;
  }
  return result;
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

/** Reads a kustomization file's text; undefined when it is not YAML or not a map. */
export function parseKustomization(source: string): Kustomization | undefined {
  const document = parseDocument(source, { logLevel: 'silent' });
  if (document.errors.length > 0) return undefined;
  const root = record(document.toJS({ maxAliasCount: 1000 }));
  if (!root) return undefined;
  const patches: PatchEntry[] = [];
  const list = (field: string): unknown[] => (Array.isArray(root[field]) ? (root[field] as unknown[]) : []);
  list('patches').forEach((item, index) => {
    const map = record(item);
    if (map) patches.push({ path: text(map.path), patch: text(map.patch), target: target(map.target), field: 'patches', node: ['patches', index] });
  });
  list('patchesStrategicMerge').forEach((item, index) => {
    // An entry is a path, or an inline patch (a string holding YAML with a newline).
    const node: [string, number] = ['patchesStrategicMerge', index];
    if (typeof item === 'string') patches.push(item.includes('\n') ? { patch: item, field: 'patchesStrategicMerge', node } : { path: item, field: 'patchesStrategicMerge', node });
  });
  list('patchesJson6902').forEach((item, index) => {
    const map = record(item);
    if (map) patches.push({ path: text(map.path), patch: text(map.patch), target: target(map.target), field: 'patchesJson6902', node: ['patchesJson6902', index] });
  });
  const images: ImageEntry[] = [];
  for (const item of Array.isArray(root.images) ? root.images : []) {
    const map = record(item);
    const name = text(map?.name);
    if (map && name) images.push({ name, newName: text(map.newName), newTag: text(map.newTag), digest: text(map.digest) });
  }
  const labels: LabelEntry[] = [];
  // commonLabels: into metadata, selectors and templates (kustomize's commonLabels field spec).
  if (record(root.commonLabels)) labels.push({ pairs: stringMap(root.commonLabels), includeSelectors: true, includeTemplates: true });
  for (const item of Array.isArray(root.labels) ? root.labels : []) {
    const map = record(item);
    if (!map) continue;
    const includeSelectors = map.includeSelectors === true;
    labels.push({ pairs: stringMap(map.pairs), includeSelectors, includeTemplates: includeSelectors || map.includeTemplates === true });
  }
  const replicas: { name: string; count: number }[] = [];
  for (const item of Array.isArray(root.replicas) ? root.replicas : []) {
    const map = record(item);
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
    unresolvedFields: UNRESOLVED_FIELDS.filter((field) => root[field] !== undefined),
  };
}
