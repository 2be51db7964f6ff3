import { joinPath } from './paths';
import { KUSTOMIZATION_FILE_NAMES } from '../kustomization-files';

export { isKustomizationFileName, isRemote, KUSTOMIZATION_FILE_NAMES } from '../kustomization-files';

/**
 * What the kustomize code needs from the outside world. The core never touches the disk: the LSP layer answers
 * from open buffers first and the disk second, the CLI from the disk. Paths are absolute POSIX paths.
 */
export interface KustomizeHost {
  /** The file's text, or undefined when there is no such file. */
  readFile(path: string): string | undefined;
  isDirectory(path: string): boolean;
  /** Names of the folders in a folder (to find the overlays that share a patch); hosts that cannot list leave it out. */
  subfolders?(path: string): string[] | undefined;
  /** The files and folders in a folder (path completion in a kustomization); hosts that cannot list leave it out. */
  entries?(path: string): { name: string; directory: boolean }[] | undefined;
}

/** The kustomization file of a folder, if it has one. */
export function kustomizationFileIn(host: KustomizeHost, dir: string): string | undefined {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const path = joinPath(dir, name);
    if (host.readFile(path) !== undefined) return path;
  }
  return undefined;
}

export { joinPath };
