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
