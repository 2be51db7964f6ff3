import type { ManifestFile } from '../../parse/manifest';
import { asSeq, getPair, getString, scalarText } from '../../parse/nodes';
import { isKustomizationFileName, isRemote, KUSTOMIZATION_FILE_NAMES } from '../kustomization-files';

/** What a kustomization file says about namespaces: its `namespace:` and what it lists, as URIs. */
export interface KustomizationFacts {
  namespace?: string;
  /** `resources`, `bases` and `components` entries resolved against the file's folder: files or folders. */
  entries: string[];
}

/** The fields whose entries kustomize builds into its output (api/types/kustomization.go). */
const LISTING_FIELDS = ['resources', 'bases', 'components'] as const;

/** A kustomization file's facts, by its name (kustomization.yaml/.yml, Kustomization); undefined for other files. */
export function kustomizationFacts(uri: string, file: ManifestFile): KustomizationFacts | undefined {
  const path = uri.replace(/[?#].*$/, '');
  if (!isKustomizationFileName(path)) return undefined;
  const root = file.slots[0]?.document.root;
  if (!root) return undefined;
  const entries: string[] = [];
  for (const field of LISTING_FIELDS) {
    for (const item of asSeq(getPair(root, field)?.value)?.items ?? []) {
      const entry = scalarText(item)?.trim();
      if (!entry || isRemote(entry)) continue;
      const resolved = resolveEntry(uri, entry);
      if (resolved) entries.push(resolved);
    }
  }
  const namespace = getString(root, 'namespace')?.trim() || undefined;
  return namespace ? { namespace, entries } : { entries };
}

/**
 * The namespaces kustomize puts each listed file's objects in, by file URI. A kustomization's `namespace:` sets
 * the namespace of every namespaced object it builds, explicit ones included, and an overlay's overrides its
 * base's (kustomize's namespace transformer, api/filters/namespace). Only builds from a top kustomization (one no
 * other lists) count; a base listed by two overlays of different namespaces is in both. The kustomization file
 * itself gets the namespace its overlays give it (for the ConfigMaps and Secrets its generators make).
 */
export function kustomizeNamespaces(kustomizations: ReadonlyMap<string, KustomizationFacts>): Map<string, string[]> {
  const byFolder = new Map<string, string>();
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    for (const uri of kustomizations.keys()) {
      const folder = folderOf(uri);
      if (uri === `${folder}/${name}` && !byFolder.has(folder)) byFolder.set(folder, uri);
    }
  }
  const listed = new Set<string>();
  for (const facts of kustomizations.values()) for (const entry of facts.entries) {
    const child = byFolder.get(entry);
    if (child) listed.add(child);
  }
  const found = new Map<string, Set<string>>();
  const add = (uri: string, namespace: string) => {
    let set = found.get(uri);
    if (!set) found.set(uri, (set = new Set()));
    set.add(namespace);
  };
  const visited = new Set<string>();
  const build = (uri: string, outer: string | undefined) => {
    const key = `${uri}\u0000${outer ?? ''}`;
    const facts = kustomizations.get(uri);
    if (!facts || visited.has(key)) return;
    visited.add(key);
    if (outer) add(uri, outer);
    const applied = outer ?? facts.namespace;
    for (const entry of facts.entries) {
      const child = byFolder.get(entry);
      if (child) build(child, applied);
      else if (applied) add(entry, applied);
    }
  };
  const tops = [...kustomizations.keys()].filter((uri) => !listed.has(uri));
  // Kustomizations that only list each other (a cycle kustomize refuses) are read from every one of them.
  for (const uri of tops.length > 0 ? tops : kustomizations.keys()) build(uri, undefined);
  return new Map([...found].map(([uri, namespaces]) => [uri, [...namespaces].sort()]));
}

function resolveEntry(base: string, entry: string): string | undefined {
  try {
    return new URL(entry, base).href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}
