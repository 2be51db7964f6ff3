import { dirName, isInsideFolder, joinPath, normalize } from './paths';
import { kustomizationFileIn, type KustomizeHost } from './host';
import { parseKustomization } from './kustomization';

/** A kustomization that lists a file as a patch (strategic merge or JSON 6902). */
export interface PatchUser {
  /** The folder of the kustomization. */
  dir: string;
  kustomizationFile: string;
}

/**
 * The kustomizations that use `file` as a patch: those in its folder and every parent up to
 * `root` (the workspace folder), whose `patches` / `patchesStrategicMerge` / `patchesJson6902` paths resolve to it.
 */
export function patchUsers(host: KustomizeHost, file: string, root: string): PatchUser[] {
  const users: PatchUser[] = [];
  const top = normalize(root);
  const target = normalize(file);
  let dir = dirName(target);
  for (;;) {
    const kustomizationFile = kustomizationFileIn(host, dir);
    const kustomization = kustomizationFile ? parseKustomization(host.readFile(kustomizationFile) ?? '') : undefined;
    if (kustomizationFile && kustomization) {
      const listed = kustomization.patches.some((entry) => entry.path !== undefined && joinPath(dir, entry.path) === target);
      if (listed) users.push({ dir, kustomizationFile });
    }
    if (dir === top || !isInsideFolder(dir, top)) break;
    const parent = dirName(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return users;
}
