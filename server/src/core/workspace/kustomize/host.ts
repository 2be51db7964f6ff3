import { baseName, joinPath } from './paths';

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

/** The names kustomize looks for in a folder, in its order (api/konfig/general.go RecognizedKustomizationFileNames). */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

export function isKustomizationFileName(path: string): boolean {
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(baseName(path));
}

/** The kustomization file of a folder, if it has one. */
export function kustomizationFileIn(host: KustomizeHost, dir: string): string | undefined {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const path = joinPath(dir, name);
    if (host.readFile(path) !== undefined) return path;
  }
  return undefined;
}

/** A remote base (git URL, https, github.com/...) that is only fetched by kustomize itself. */
export function isRemote(reference: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(reference) || /^git@/.test(reference) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(reference);
}

export { joinPath };
