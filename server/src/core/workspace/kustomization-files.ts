// Which files kustomize reads as kustomizations and which entries it fetches itself: names only, shared by the
// kustomize renderer (./kustomize) and the workspace index (./index), which must not depend on each other.

/** The names kustomize looks for in a folder, in its order (api/konfig/general.go RecognizedKustomizationFileNames). */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

export function isKustomizationFileName(path: string): boolean {
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(path.slice(path.lastIndexOf('/') + 1));
}

/** A remote base (git URL, https, github.com/...) that is only fetched by kustomize itself. */
export function isRemote(reference: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(reference) || /^git@/.test(reference) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(reference);
}
