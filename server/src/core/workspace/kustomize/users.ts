import { dirName, isInsideFolder, joinPath, normalize } from './paths';
import { kustomizationFileIn, type KustomizeHost } from './host';
import { parseKustomization, type Kustomization } from './kustomization';

/** An overlay to render for a file it uses as a patch (strategic merge or JSON 6902). */
export interface PatchUser {
  /** The folder of the kustomization. */
  dir: string;
  kustomizationFile: string;
}

/** Kustomization folders below a workspace folder, by folder: where a shared patch's users are found. */
export type KustomizationIndex = ReadonlyMap<string, string>;

/** Folders that hold no kustomizations of the user's (dependencies, VCS data). */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor']);
/** Bounds of the folder walk: a huge workspace is indexed partly rather than slowly. */
const MAX_FOLDERS = 5000;
const MAX_DEPTH = 12;

/** Every kustomization below `root` (bounded walk), for the hosts that can list folders. */
export function indexKustomizations(host: KustomizeHost, root: string): KustomizationIndex {
  const index = new Map<string, string>();
  if (!host.subfolders) return index;
  const queue: { dir: string; depth: number }[] = [{ dir: normalize(root), depth: 0 }];
  let seen = 0;
  while (queue.length > 0 && seen < MAX_FOLDERS) {
    const { dir, depth } = queue.shift() as { dir: string; depth: number };
    seen++;
    const file = kustomizationFileIn(host, dir);
    if (file) index.set(dir, file);
    if (depth >= MAX_DEPTH) continue;
    for (const name of host.subfolders(dir) ?? []) if (!SKIPPED_FOLDERS.has(name) && !name.startsWith('.')) queue.push({ dir: joinPath(dir, name), depth: depth + 1 });
  }
  return index;
}


/** The overlays that use a file as a patch; `listed` when some kustomization names it (even with no overlay to render it in). */
export interface PatchUsers {
  users: PatchUser[];
  listed: boolean;
}

/**
 * The overlays that use `file` as a patch: the kustomizations in its folder and every parent up to `root`, and any
 * of `index`, whose patch paths resolve to it. A Component is not rendered alone (it has no resources of its own):
 * the kustomizations that list it under `components:` are, in its place, transitively.
 */
export function patchUsers(
  host: KustomizeHost,
  file: string,
  root: string,
  index?: KustomizationIndex,
  readKustomization: (text: string) => Kustomization | undefined = parseKustomization,
): PatchUsers {
  const read = (kustomizationFile: string) => readKustomization(host.readFile(kustomizationFile) ?? '');
  const top = normalize(root);
  const target = normalize(file);
  const candidates = new Map<string, string>();
  for (let dir = dirName(target); ; ) {
    const kustomizationFile = kustomizationFileIn(host, dir);
    if (kustomizationFile) candidates.set(dir, kustomizationFile);
    const parent = dirName(dir);
    if (dir === top || !isInsideFolder(dir, top) || parent === dir) break;
    dir = parent;
  }
  for (const [dir, kustomizationFile] of index ?? []) candidates.set(dir, kustomizationFile);
  const users = new Map<string, PatchUser>();
  const components: string[] = [];
  let listed = false;
  for (const [dir, kustomizationFile] of candidates) {
    const kustomization = read(kustomizationFile);
    if (!kustomization?.patches.some((entry) => entry.path !== undefined && joinPath(dir, entry.path) === target)) continue;
    listed = true;
    if (kustomization.kind === 'Component') components.push(dir);
    else users.set(dir, { dir, kustomizationFile });
  }
  // Who includes each component (and the components that include those...).
  const done = new Set<string>();
  while (components.length > 0) {
    const component = components.pop() as string;
    if (done.has(component)) continue;
    done.add(component);
    for (const [dir, kustomizationFile] of index ?? []) {
      const kustomization = read(kustomizationFile);
      if (!kustomization?.components.some((entry) => joinPath(dir, entry) === component)) continue;
      if (kustomization.kind === 'Component') components.push(dir);
      else users.set(dir, { dir, kustomizationFile });
    }
  }
  // `listed`: some kustomization uses the file as a patch, even when no overlay to render it in was found.
  return { users: [...users.values()], listed };
}
