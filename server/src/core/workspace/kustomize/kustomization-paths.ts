import type { YamlPath } from '../../parse/nodes';

/** What a path field may name: a file or a folder with a kustomization (`resources`), a folder only, or a file only. */
export type PathAccepts = 'resource' | 'folder' | 'file';

/**
 * The list fields of a kustomization whose entries are paths kustomize reads (and fails on when missing), what each
 * may name, and where the path sits in an entry (kubernetes-sigs/kustomize api/types/kustomization.go, v5.5).
 */
export const PATH_LISTS: readonly { field: string; accepts: PathAccepts; inEntry: YamlPath }[] = [
  { field: 'resources', accepts: 'resource', inEntry: [] },
  { field: 'bases', accepts: 'folder', inEntry: [] },
  { field: 'components', accepts: 'folder', inEntry: [] },
  { field: 'patchesStrategicMerge', accepts: 'file', inEntry: [] },
  { field: 'patches', accepts: 'file', inEntry: ['path'] },
  { field: 'patchesJson6902', accepts: 'file', inEntry: ['path'] },
  { field: 'crds', accepts: 'file', inEntry: [] },
];

/** A path written in a kustomization: the text and its node (`['patches', 0, 'path']`). */
export interface KustomizationPath {
  field: string;
  accepts: PathAccepts;
  path: string;
  node: YamlPath;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Every path a kustomization's root map writes (an inline patch, a string with a newline, is no path). */
export function kustomizationPaths(root: unknown): KustomizationPath[] {
  if (!isRecord(root)) return [];
  const result: KustomizationPath[] = [];
  for (const { field, accepts, inEntry } of PATH_LISTS) {
    const list = root[field];
    if (!Array.isArray(list)) continue;
    list.forEach((entry, index) => {
      const value = inEntry.length === 0 ? entry : isRecord(entry) ? entry[String(inEntry[0])] : undefined;
      if (typeof value === 'string' && !value.includes('\n')) result.push({ field, accepts, path: value, node: [field, index, ...inEntry] });
    });
  }
  return result;
}

/** The path field a node path of a kustomization is in (`['resources', 2]`, `['patches', 0, 'path']`), if any. */
export function pathFieldAt(path: YamlPath): (typeof PATH_LISTS)[number] | undefined {
  return PATH_LISTS.find(({ field, inEntry }) => path[0] === field && typeof path[1] === 'number' && path.length === 2 + inEntry.length && inEntry.every((step, i) => path[2 + i] === step));
}

/** `*`: each item of the list there. */
const EACH = '*';

/**
 * Other paths of a kustomization that kustomize reads through its loader (so the load restrictor and "no such file"
 * apply), by where they sit (`*`: each list item): generator sources (a `files` entry may be `key=path`), plugin
 * and transformer configs, the openapi schema (api/types/kustomization.go, configmapandsecretargs.go, v5.5). Completion
 * and links stay with PATH_LISTS: these name any file, not manifests.
 */
export const LOADED_PATHS: readonly { at: readonly (string | typeof EACH)[]; keyed?: true }[] = [
  ...['configMapGenerator', 'secretGenerator'].flatMap((field) => [{ at: [field, EACH, 'files', EACH], keyed: true as const }, { at: [field, EACH, 'envs', EACH] }, { at: [field, EACH, 'env'] }]),
  { at: ['configurations', EACH] },
  { at: ['transformers', EACH] },
  { at: ['generators', EACH] },
  { at: ['validators', EACH] },
  { at: ['openapi', 'path'] },
];

/** Every path of LOADED_PATHS a kustomization's root map writes (the `key=` of a generator file stripped). */
export function loadedPaths(root: unknown): { path: string; node: YamlPath; accepts?: PathAccepts }[] {
  const result: { path: string; node: YamlPath }[] = [];
  const walk = (value: unknown, steps: readonly string[], node: YamlPath, keyed: boolean) => {
    if (steps.length === 0) {
      if (typeof value !== 'string' || value.includes('\n')) return;
      // ParseFileSource: `key=path`; more than one `=` is an error of its own (kustomize: "cannot contain '='").
      const parts = keyed ? value.split('=') : [value];
      if (parts.length <= 2) result.push({ path: parts[parts.length - 1], node });
    } else if (steps[0] === EACH) {
      if (Array.isArray(value)) value.forEach((item, index) => walk(item, steps.slice(1), [...node, index], keyed));
    } else if (isRecord(value)) walk(value[steps[0]], steps.slice(1), [...node, steps[0]], keyed);
  };
  for (const { at, keyed } of LOADED_PATHS) walk(root, at, [], !!keyed);
  return result;
}
